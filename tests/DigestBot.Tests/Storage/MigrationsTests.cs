using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

/// <summary>Tells when the model and the migrations disagree: a model change needs <c>dotnet ef migrations add</c> for both providers.</summary>
public class MigrationsTests
{
    [Theory]
    [MemberData(nameof(StorageProvidersTests.Engines), MemberType = typeof(StorageProvidersTests))]
    public void The_model_snapshot_matches_the_model(string provider, string connectionString)
    {
        // No connection is opened: the model and the migrations are the engine's own.
        using var db = StorageProviders.Find(provider)!.Open(connectionString, Path.GetTempPath()).CreateDbContext();
        var differ = db.GetService<IMigrationsModelDiffer>();
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        snapshot.Should().NotBeNull();
        var snapshotModel = snapshot!.Model is IMutableModel mutable ? mutable.FinalizeModel() : snapshot.Model;
        snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);
        var differences = differ.GetDifferences(
            snapshotModel.GetRelationalModel(),
            db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        differences.Select(d => d.ToString()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse();
    }

    [Fact]
    public async Task A_new_SQLite_file_is_migrated_to_the_latest_schema()
    {
        using var folder = new TempFolder();
        var file = folder.File("data/new.db");
        using var host = AppHost.CreateBuilder(file, quiet: true).Build();

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        File.Exists(file).Should().BeTrue("the folder of the database file is created on the way");
        await using var db = host.Services.GetRequiredService<DigestDbContextFactory>().CreateDbContext();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
        (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Should().Equal("wal");
    }
}
