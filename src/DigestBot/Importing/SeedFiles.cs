namespace DigestBot.Importing;

/// <summary>Which files in a seeds folder are articles to import.</summary>
public static class SeedFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".xml", ".rss", ".atom",
    };

    /// <summary>Documentation next to the seeds (README.md, topics.README.md) is not an article.</summary>
    public static bool IsSeed(string path)
    {
        var name = Path.GetFileName(path);
        return Extensions.Contains(Path.GetExtension(path))
            && !name.StartsWith('.')
            && !name.Contains("README", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Files named on the command line are taken as they are; folders give their seed files, in name order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsSeed)
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return Path.GetFullPath(file);
                }
            }
            else
            {
                yield return Path.GetFullPath(path);
            }
        }
    }
}
