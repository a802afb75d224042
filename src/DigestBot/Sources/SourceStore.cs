using System.Globalization;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>What a maintainer says about a source, from the <c>sources</c> verb or <c>seeds/sources.json</c>.</summary>
public sealed record SourceSpec(string Url, string? Name = null, TimeSpan? Interval = null, Language? Language = null, IReadOnlyList<string>? Topics = null)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    /// <summary>Also what catches "30", which a time span reads as thirty days.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>Checks the address and interval; returns one line on what is wrong, else null.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return $"'{Url}' is not an http or https address";
        }

        return Interval is { } interval && (interval < MinInterval || interval > MaxInterval)
            ? $"the interval {interval:c} is not between {MinInterval:c} and {MaxInterval:c}"
            : null;
    }
}

/// <summary>The sources table: added and removed by the verb, synced from the sources file, listed for the maintainer.</summary>
public sealed class SourceStore(
    IDbContextFactory<DigestDbContext> dbFactory,
    IOptions<SourcesOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SourceStore> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public async Task<List<Source>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The sources whose next poll is due, soonest first.</summary>
    public async Task<List<Source>> DueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sources.AsNoTracking()
            .Where(s => s.NextPollAt == null || s.NextPollAt <= now)

            // New sources first on both engines: PostgreSQL sorts nulls last.
            .OrderBy(s => s.NextPollAt != null)
            .ThenBy(s => s.NextPollAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Finds a source by its id or its URL.</summary>
    public async Task<Source?> FindAsync(string idOrUrl, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return long.TryParse(idOrUrl, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            : await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Url == idOrUrl, cancellationToken);
    }

    /// <summary>Adds a source; one already there with that URL takes what the spec states (name, interval, language, topics).</summary>
    public async Task<(Source Source, bool Added)> AddAsync(SourceSpec spec, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Sources.SingleOrDefaultAsync(s => s.Url == spec.Url, cancellationToken) is { } existing)
        {
            existing.Name = spec.Name ?? existing.Name;
            existing.Interval = spec.Interval ?? existing.Interval;
            existing.Language = spec.Language ?? existing.Language;
            existing.Topics = spec.Topics is { } topics ? string.Join(',', topics) : existing.Topics;
            await db.SaveChangesAsync(cancellationToken);
            return (existing, false);
        }

        var source = New(spec, fromSeeds: false);
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        return (source, true);
    }

    /// <summary>Removes a source; its articles stay.</summary>
    public async Task<Source?> RemoveAsync(string idOrUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(idOrUrl, cancellationToken) is not { } source)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Sources.Where(s => s.Id == source.Id).ExecuteDeleteAsync(cancellationToken);
        return source;
    }

    /// <summary>Brings the table in line with the sources file: its sources are added or updated, and those it once
    /// listed and no longer does are removed. Sources added with the verb are left alone. A missing file changes nothing.</summary>
    public async Task SyncCatalogAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.CatalogPath, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            return;
        }

        List<SourceSpec> specs;
        try
        {
            specs = Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or OverflowException)
        {
            // A broken file must not keep the bot from starting: the table keeps what it had.
            logger.LogError("sources: unable to read {Path}: {Reason}; the sources stay as they were", path, ex.Message);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sources.ToDictionaryAsync(s => s.Url, StringComparer.Ordinal, cancellationToken);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.Problem() is { } problem)
            {
                logger.LogWarning("sources: {Path}: skipped: {Problem}", path, problem);
                continue;
            }

            if (!listed.Add(spec.Url))
            {
                logger.LogWarning("sources: {Path}: skipped: {Url} is listed twice", path, spec.Url);
                continue;
            }

            if (stored.Remove(spec.Url, out var source))
            {
                // A source added with the verb stays the verb's: dropping it from the file later does not remove it.
                source.Name = spec.Name;
                source.Interval = spec.Interval;
                source.Language = spec.Language;
                source.Topics = string.Join(',', spec.Topics ?? []);
            }
            else
            {
                db.Sources.Add(New(spec, fromSeeds: true));
            }
        }

        db.Sources.RemoveRange(stored.Values.Where(s => s.FromSeeds));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another bot process on the same database synced the same file a moment before.
            logger.LogWarning("sources: unable to sync {Path}: {Reason}; the sources stay as they were", path, ex.InnerException?.Message ?? ex.Message);
            return;
        }

        logger.LogInformation("sources: {Count} source(s) read from {Path}", listed.Count, path);
    }

    /// <summary>Reads the sources file: an array of <c>{"url", "name", "interval", "lang", "topics"}</c>.</summary>
    /// <exception cref="JsonException">The file is not such an array.</exception>
    /// <exception cref="FormatException">An interval or language is not understood.</exception>
    public static List<SourceSpec> Parse(string json)
    {
        var entries = JsonSerializer.Deserialize<List<CatalogEntry>>(json, Json) ?? throw new JsonException("the file holds no array");
        return [.. entries.Select(e => new SourceSpec(
            e.Url?.Trim() ?? throw new JsonException("a source has no url"),
            e.Name,
            e.Interval is null ? null : ParseInterval(e.Interval),
            e.Lang is null ? null : LanguageCodes.TryParse(e.Lang, out var language) ? language : throw new FormatException($"'{e.Lang}' is not ru, kk or en"),
            e.Topics))];
    }

    /// <summary>hh:mm:ss, or d.hh:mm:ss: a bare number would be read as days.</summary>
    /// <exception cref="FormatException">The text is not such an interval.</exception>
    public static TimeSpan ParseInterval(string text) =>
        text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParseExact(text.Trim(), "c", CultureInfo.InvariantCulture, out var interval)
            ? interval
            : throw new FormatException($"'{text}' is not an interval such as 00:15:00");

    private Source New(SourceSpec spec, bool fromSeeds) => new()
    {
        Url = spec.Url,
        Name = spec.Name,
        Interval = spec.Interval,
        Language = spec.Language,
        Topics = string.Join(',', spec.Topics ?? []),
        FromSeeds = fromSeeds,
        AddedAt = time.GetUtcNow(),
    };

    private sealed record CatalogEntry(string? Url, string? Name, string? Interval, string? Lang, List<string>? Topics);
}
