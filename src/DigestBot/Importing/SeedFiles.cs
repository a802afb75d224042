namespace DigestBot.Importing;

/// <summary>A seed file to import, or a folder that could not be walked and why.</summary>
public sealed record SeedFile(string Path, string? SkipReason = null);

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

    /// <summary>Files named on the command line are taken as they are; folders give their seed files, in name order.
    /// Each real folder is read once: a link back to a folder already read (a -> .) is skipped and named, and so is a
    /// folder that cannot be read (a root-only lost+found on a mounted volume).</summary>
    public static IEnumerable<SeedFile> Expand(IEnumerable<string> paths)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var found in Walk(Path.GetFullPath(path), read).OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    yield return found;
                }
            }
            else
            {
                yield return new SeedFile(Path.GetFullPath(path));
            }
        }
    }

    private static List<SeedFile> Walk(string root, HashSet<string> read)
    {
        var found = new List<SeedFile>();
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, RealPath(new DirectoryInfo(root))));
        while (pending.TryPop(out var folder))
        {
            if (!read.Add(folder.Real))
            {
                found.Add(new SeedFile(folder.Path, $"a folder already read, through a link or another path ({folder.Real})"));
                continue;
            }

            try
            {
                foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos())
                {
                    if (entry is DirectoryInfo child)
                    {
                        pending.Push((child.FullName, child.LinkTarget is null ? Path.Combine(folder.Real, child.Name) : RealPath(child)));
                    }
                    else if (IsSeed(entry.FullName))
                    {
                        found.Add(new SeedFile(entry.FullName));
                    }
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                found.Add(new SeedFile(folder.Path, $"unreadable folder: {ex.Message}"));
            }
        }

        return found;
    }

    /// <summary>Where a folder really is, links followed; a dangling link stays as it is and is reported when read.</summary>
    private static string RealPath(DirectoryInfo folder)
    {
        try
        {
            return folder.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : folder.FullName;
        }
        catch (IOException)
        {
            return folder.FullName;
        }
    }
}
