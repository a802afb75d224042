namespace DigestBot.Importing;

/// <summary>The store refused to take more (a full disk, a read-only file) part way through an import; <see cref="Report"/>
/// holds what the import stored before, which stays.</summary>
public sealed class ImportStoppedException(ImportReport report, Exception cause)
    : Exception($"import stopped after {report.Added + report.Updated + report.Unchanged} article(s): {cause.Message}", cause)
{
    public ImportReport Report { get; } = report;
}
