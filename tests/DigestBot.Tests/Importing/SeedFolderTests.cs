using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Importing;

/// <summary>Seed folders as a real server has them: links that loop back, folders the bot may not read.</summary>
[Trait("Category", "Slow")]
public sealed class SeedFolderTests
{
    [Fact]
    public async Task Links_back_to_the_folder_are_named_and_skipped_and_each_file_is_read_once()
    {
        await using var host = await TestHost.StartAsync();
        var seeds = host.Folder.File("seeds");
        File.Copy(Directory.GetFiles(RepositoryPaths.Seeds, "000_*.txt").Single(), host.Folder.File("seeds/one.txt").CreateFolderFor());
        Directory.CreateDirectory(host.Folder.File("seeds/inner"));
        File.Copy(Directory.GetFiles(RepositoryPaths.Seeds, "001_*.txt").Single(), host.Folder.File("seeds/inner/two.txt"));
        Directory.CreateSymbolicLink(host.Folder.File("seeds/a"), ".");
        Directory.CreateSymbolicLink(host.Folder.File("seeds/b"), seeds);
        Directory.CreateSymbolicLink(host.Folder.File("seeds/inner/up"), "..");

        var importing = host.Get<ArticleImporter>().ImportAsync([seeds], CancellationToken.None);
        var finished = await Task.WhenAny(importing, Task.Delay(TimeSpan.FromSeconds(30)));

        finished.Should().BeSameAs(importing, "a folder that links to itself must not make the import walk for ever");
        var report = await importing;
        report.Added.Should().Be(2);
        report.Files.Where(f => f.Skipped).Select(f => (Path.GetRelativePath(seeds, f.Path), f.SkipReason)).Should().BeEquivalentTo(new[]
        {
            ("a", $"a folder already read, through a link or another path ({seeds})"),
            ("b", $"a folder already read, through a link or another path ({seeds})"),
            (Path.Combine("inner", "up"), $"a folder already read, through a link or another path ({seeds})"),
        });
        await using var db = host.Db();
        (await db.ArticleOrigins.CountAsync()).Should().Be(2, "each file is stored under one path");
    }

    [Fact]
    public async Task A_folder_the_bot_may_not_read_is_named_and_skipped_and_the_rest_is_imported()
    {
        // Root reads every folder; the bot in the Docker image does not run as root. So it runs here as nobody, from a
        // copy of its build that nobody may read, on seeds beside a root-only lost+found.
        using var folder = new TempFolder();
        var app = folder.File("app");
        CopyFolder(AppContext.BaseDirectory, app);
        File.Copy(Directory.GetFiles(RepositoryPaths.Seeds, "000_*.txt").Single(), folder.File("seeds/ok/one.txt").CreateFolderFor());
        var hidden = Directory.CreateDirectory(folder.File("seeds/lost+found"));
        var data = Directory.CreateDirectory(folder.File("data"));
        await CommandLine.RunCheckedAsync("chmod", ["700", hidden.FullName], TimeSpan.FromSeconds(10));
        await CommandLine.RunCheckedAsync("chmod", ["-R", "o+rX", folder.Path], TimeSpan.FromSeconds(30));
        await CommandLine.RunCheckedAsync("chmod", ["700", hidden.FullName], TimeSpan.FromSeconds(10));
        await CommandLine.RunCheckedAsync("chown", ["nobody", data.FullName], TimeSpan.FromSeconds(10));

        var result = await CommandLine.RunAsync(
            "runuser",
            ["-u", "nobody", "--", "env", $"DOTNET_CLI_HOME={data.FullName}", "dotnet", Path.Combine(app, "digestbot.dll"),
                "import", folder.File("seeds"), "--db", folder.File("data/bot.db")],
            TimeSpan.FromMinutes(2),
            folder.Path);

        result.ExitCode.Should().Be(3, result.Output + result.Error);
        result.Output.Should().Be("2 file(s): 1 added, 0 updated, 0 unchanged, 1 skipped, 0 item problem(s).\n");
        result.Error.Should().Contain($"{hidden.FullName}: skipped: unreadable folder: Access to the path '{hidden.FullName}' is denied.")
            .And.NotContain("   at ");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)).CreateFolderFor());
        }
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the folder a file is to go in; returns the file's path.</summary>
    public static string CreateFolderFor(this string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }
}
