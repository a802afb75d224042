namespace DigestBot.Tests.Infrastructure;

/// <summary>Locates folders of the source tree from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The seeds bundled with the bot.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The npm project holding the telegram-test-api emulator.</summary>
    public static string EndToEnd => Path.Combine(Root, "tests", "e2e");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DigestBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"tests: unable to find DigestBot.sln above {AppContext.BaseDirectory}");
    }
}
