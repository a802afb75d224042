using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Which database engine holds the articles and how long they are kept (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string ConnectionStringName = "Articles";

    /// <summary>The longest <see cref="RetainDays"/>: a century, well inside what dates can be counted back.</summary>
    public const int MaxRetainDays = 36500;

    /// <summary>The name of a <see cref="IStorageProvider"/>: <c>Sqlite</c> (the default) or <c>Postgres</c>; kept as text so a
    /// typo gets a clear message.</summary>
    public string Provider { get; set; } = StorageProviders.Default;

    /// <summary><c>ConnectionStrings:Articles</c>: a connection string, or for SQLite just a file path.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/digestbot.db";

    /// <summary>Articles dated (published, else imported) more than this many days ago are removed once a day; 0 keeps
    /// every article.</summary>
    public int RetainDays { get; set; }

    /// <summary>The engine and the connection string as configured, for registrations made before the container is built;
    /// the rest of the section is bound, and checked, with the options.</summary>
    public static StorageOptions Read(IConfiguration configuration) => new()
    {
        Provider = configuration[$"{Section}:{nameof(Provider)}"] ?? StorageProviders.Default,
        ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? new StorageOptions().ConnectionString,
    };
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (StorageProviders.Find(options.Provider) is not { } provider)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider (env Storage__Provider) must be {StorageProviders.Names(StorageProviders.All)}, not '{options.Provider}'.");
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
        if (Rejects(provider, options.ConnectionString) is { } reason)
        {
            var others = StorageProviders.All.Where(p => p != provider).ToList();
            var accepting = others.Where(p => Rejects(p, options.ConnectionString) is null).ToList();
            var other = StorageProviders.Names(accepting.Count > 0 ? accepting : others);
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Articles (env ConnectionStrings__Articles) must be a {provider.Name} connection string " +
                $"({reason.Split('.')[0]}); for a {other} database set Storage:Provider (env Storage__Provider) to {other}.");
        }

        return ValidateOptionsResult.Success;
    }

    private static string? Rejects(IStorageProvider provider, string connectionString)
    {
        try
        {
            provider.Open(connectionString, Path.GetTempPath());
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
