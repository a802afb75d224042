using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>Keeps the store in step with the seeds folder: imports the files that are new or changed since the last look.</summary>
public sealed class SeedSync(
    ArticleImporter importer,
    IOptions<SeedsOptions> options,
    IHostEnvironment environment,
    ILogger<SeedSync> logger)
{
    private readonly Dictionary<string, (long Length, DateTime WrittenUtc)> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> skippedFolders = new(StringComparer.Ordinal);

    public string Folder { get; } = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public async Task<ImportReport> SyncAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            logger.LogWarning("Seeds: folder {Folder} does not exist; nothing to import", Folder);
            return new ImportReport([]);
        }

        var changed = new List<string>();
        var now = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var (file, skipReason) in SeedFiles.Expand([Folder]))
        {
            if (skipReason is not null)
            {
                // Said once per folder, not at every rescan.
                if (skippedFolders.Add(file))
                {
                    logger.LogWarning("Seeds: {Folder} skipped: {Reason}", file, skipReason);
                }

                continue;
            }

            var info = new FileInfo(file);
            var stamp = (info.Length, info.LastWriteTimeUtc);
            now[file] = stamp;
            if (!seen.TryGetValue(file, out var before) || before != stamp)
            {
                changed.Add(file);
            }
        }

        if (changed.Count == 0)
        {
            return new ImportReport([]);
        }

        var report = await importer.ImportAsync(changed, cancellationToken);

        // An import stopped part-way leaves its files to be read again next time.
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var file in report.Files)
        {
            // A skipped file is remembered too: it is tried again only once it changes.
            seen[file.Path] = now[file.Path];
            if (file.Skipped)
            {
                logger.LogWarning("Seeds: {File} skipped: {Reason}", file.Path, file.SkipReason);
            }

            foreach (var problem in file.Problems)
            {
                logger.LogWarning("Seeds: {File}: {Problem}", file.Path, problem);
            }
        }

        logger.LogInformation(
            "Seeds: {Files} file(s) read from {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped",
            report.Files.Count, Folder, report.Added, report.Updated, report.Unchanged, report.SkippedFiles);
        return report;
    }
}
