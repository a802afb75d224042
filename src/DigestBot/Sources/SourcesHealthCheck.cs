using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>Degraded, not down, while a source has failed for longer than <see cref="SourcesOptions.StaleAfter"/>:
/// the bot still serves what it has, but its store no longer fills itself from those feeds.</summary>
public sealed class SourcesHealthCheck(IDbContextFactory<DigestDbContext> dbFactory, IOptions<SourcesOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - options.Value.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stale = await db.Sources.AsNoTracking()
            .Where(s => s.ConsecutiveFailures > 0 && (s.LastSuccessAt == null ? s.AddedAt < since : s.LastSuccessAt < since))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Url, s.LastError })
            .ToListAsync(cancellationToken);
        return stale.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"sources failing for over {options.Value.StaleAfter:c}: " + string.Join("; ", stale.Select(s => $"{s.Id} {s.Url} ({s.LastError})")));
    }
}
