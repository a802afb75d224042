using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Which database engine holds the articles and how long they are kept (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string ConnectionStringName = "Articles";

    /// <summary>The longest <see cref="RetainDays"/>: a century, well inside what dates can be counted back.</summary>
    public const int MaxRetainDays = 36500;

    /// <summary><c>Sqlite</c> (the default) or <c>Postgres</c>; kept as text so a typo gets a clear message.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary><c>ConnectionStrings:Articles</c>: a connection string, or for SQLite just a file path.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/digestbot.db";

    /// <summary>Articles dated (published, else imported) more than this many days ago are removed once a day; 0 keeps
    /// every article.</summary>
    public int RetainDays { get; set; }

    public StorageProvider ProviderKind =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var kind) ? kind : StorageProvider.Sqlite;

    /// <summary>The provider as configured, for registrations that depend on it before the container is built.</summary>
    public static StorageProvider ProviderIn(IConfiguration configuration) =>
        new StorageOptions { Provider = configuration[$"{Section}:{nameof(Provider)}"] ?? nameof(StorageProvider.Sqlite) }.ProviderKind;

    /// <summary><c>ConnectionStrings:Articles</c> as configured, for registrations made before the container is built.</summary>
    public static string ConnectionStringIn(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) ?? new StorageOptions().ConnectionString;
}

/// <summary>The supported database engines.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider (env Storage__Provider) must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (options.RetainDays is < 0 or > StorageOptions.MaxRetainDays)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:RetainDays (env Storage__RetainDays) must be 0 (keep every article) or 1 to {StorageOptions.MaxRetainDays} days, not {options.RetainDays}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Articles (env ConnectionStrings__Articles) must name a database: a SQLite file or a connection string.");
        }

        // A PostgreSQL connection string left with the default provider (or the other way round) is a likely slip.
        try
        {
            _ = options.ProviderKind == StorageProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString).ConnectionString
                : DigestDbContextFactory.ResolveSqlite(options.ConnectionString, Path.GetTempPath());
        }
        catch (ArgumentException ex)
        {
            var other = options.ProviderKind == StorageProvider.Postgres ? "Sqlite" : "Postgres";
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Articles (env ConnectionStrings__Articles) must be a {options.ProviderKind} connection string " +
                $"({ex.Message.Split('.')[0]}); for a {other} database set Storage:Provider (env Storage__Provider) to {other}.");
        }

        return ValidateOptionsResult.Success;
    }
}
