using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigestBot.Storage;

/// <summary>Context options every engine shares.</summary>
public static class ContextOptions
{
    /// <summary>A failed command reaches its caller, which reports it once in a line of its own (see <see cref="StorageFaults"/>);
    /// EF Core's own error entries would say it again with the SQL and a stack trace, on the console of a verb whose output is
    /// one line.</summary>
    public static DbContextOptionsBuilder<TContext> ReportErrorsToTheCaller<TContext>(this DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext => builder.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
}
