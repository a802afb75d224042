using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DigestBot.Tests.Storage;

/// <summary>The storage engines behind their one seam: <c>Storage:Provider</c> picks one in one place, each brings every
/// part the bot needs, and nothing outside an engine's folder names it.</summary>
public sealed class StorageProvidersTests
{
    // One row per engine: a new engine adds its folder and a row here.
    public static TheoryData<string, string> Engines => new()
    {
        { "Sqlite", "Data Source=data/digest.db" },
        { "Postgres", "Host=db.example;Port=5433;Database=digest;Username=bot;Password=secret" },
    };

    [Fact]
    public void The_registry_holds_every_engine_the_default_first()
    {
        StorageProviders.All.Select(p => p.Name).Should().Equal(Engines.Select(row => (string)row[0]));
        StorageProviders.All[0].Name.Should().Be(StorageProviders.Default);
    }

    [Theory]
    [InlineData("sqlite", "Sqlite")]
    [InlineData("POSTGRES", "Postgres")]
    [InlineData(null, "Sqlite")]
    public void Storage_Provider_picks_an_engine_in_any_case(string? setting, string engine)
    {
        var options = new StorageOptions();
        if (setting is not null)
        {
            options.Provider = setting;
        }

        StorageProviders.For(options).Name.Should().Be(engine);
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("")]
    [InlineData("Sqlite3")]
    public void An_unknown_engine_is_one_line_naming_the_setting_its_environment_form_and_every_engine(string setting)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = setting });

        result.Failures.Should().ContainSingle().Which.Should().Be(
            $"Storage:Provider (env Storage__Provider) must be Sqlite or Postgres, not '{setting}'.");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Each_engine_brings_its_context_migrations_search_job_store_and_checks(string name, string connectionString)
    {
        var provider = StorageProviders.Find(name)!;
        var store = provider.Open(connectionString, Path.GetTempPath());

        store.Provider.Should().BeSameAs(provider);
        store.Name.Should().NotBeNullOrWhiteSpace().And.NotContain("secret", "a line names the store, never its password");
        await using (var db = store.CreateDbContext())
        {
            db.Should().BeOfType(provider.ContextType);
            db.Database.GetMigrations().Should().NotBeEmpty("the engine's migrations build its schema");
        }

        typeof(StorageProviders).Assembly.GetTypes()
            .Should().Contain(t => typeof(IDesignTimeDbContextFactory<>).MakeGenericType(provider.ContextType).IsAssignableFrom(t),
                "dotnet ef migrations add needs the engine's context without the host");

        var services = new ServiceCollection();
        provider.AddSearch(services);
        foreach (var part in new[] { typeof(IArticleIndexer), typeof(IArticleSearch), typeof(IStorageStartupStep), typeof(ISearchIndexCheck) })
        {
            services.Should().Contain(d => d.ServiceType == part, $"{name} registers its {part.Name}");
        }

        services.AddQuartz(quartz => provider.UseJobStore(quartz, connectionString));
        new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = name, ConnectionString = connectionString })
            .Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_connection_string_of_another_engine_names_the_setting_that_picks_it()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "Sqlite", ConnectionString = "Host=db;Database=digest" });

        result.Failures.Should().ContainSingle().Which.Should()
            .StartWith("ConnectionStrings:Articles (env ConnectionStrings__Articles) must be a Sqlite connection string")
            .And.EndWith("for a Postgres database set Storage:Provider (env Storage__Provider) to Postgres.");
    }

    [Fact]
    public void Only_an_engines_own_folder_names_its_types_or_its_client_library()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "DigestBot");
        var folders = StorageProviders.All
            .Select(p => Path.Combine(source, Path.Combine(p.GetType().Namespace!.Split('.')[1..])) + Path.DirectorySeparatorChar)
            .ToList();
        var engineNames = StorageProviders.All.Select(p => p.GetType().Namespace!)
            .Concat(["Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql"])
            .ToList();

        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !folders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => engineNames
                .Where(engine => File.ReadLines(file).Any(line => line.TrimStart().StartsWith($"using {engine}", StringComparison.Ordinal)
                    || line.Contains($"{engine}.", StringComparison.Ordinal)))
                .Select(engine => $"{Path.GetRelativePath(source, file)} names {engine}"))
            .ToList();

        offenders.Should().BeEmpty("an engine is one folder; the rest of the bot reaches it through IStorageProvider");
    }

    [Fact]
    public void Storage_Provider_is_turned_into_an_engine_in_one_place()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "DigestBot");
        var lookups = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("StorageProviders.Find(", StringComparison.Ordinal)
                || File.ReadAllText(file).Contains(".Provider ==", StringComparison.Ordinal)
                || File.ReadAllText(file).Contains("is PostgresDigestDbContext", StringComparison.Ordinal)
                || File.ReadAllText(file).Contains("is SqliteDigestDbContext", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();

        // The validator looks a name up to say it is unknown; StorageProviders.For is the one that picks.
        lookups.Should().BeEquivalentTo([Path.Combine("Storage", "StorageOptions.cs")]);
    }
}
