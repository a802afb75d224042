namespace DigestBot.Core.Tests.Importing;

/// <summary>The repository's seeds/ folder, found by walking up from the test binaries to the solution.</summary>
internal static class SeedFiles
{
    /// <summary>The folder that holds DigestBot.sln.</summary>
    public static string Repository { get; } = Locate();

    public static string Folder { get; } = Path.Combine(Repository, "seeds");

    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(Folder, fileName));

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DigestBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No DigestBot.sln above {AppContext.BaseDirectory}.");
    }
}
