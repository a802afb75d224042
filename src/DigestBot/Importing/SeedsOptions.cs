using DigestBot.Core.Importing;
using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>Where the bundled and maintainer-added seed files are (section <c>Seeds</c>).</summary>
public sealed class SeedsOptions
{
    public const string Section = "Seeds";

    /// <summary>The seeds folder, relative to the working directory unless absolute.</summary>
    public string Path { get; set; } = "seeds";

    /// <summary>Pick up new and changed files while the bot runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How often the folder is rescanned, besides file-system notifications, which some file systems drop.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A one-article file (plain text, Markdown) or a JSON Feed that is larger is skipped without being read.</summary>
    public long MaxFileBytes { get; set; } = DocumentReader.DefaultMaxFileBytes;

    /// <summary>A JSON line or a feed item that is larger is a problem of its file; the file's other articles are imported.
    /// JSON Lines and RSS or Atom files are read article by article, so this, not the file's size, bounds the memory.</summary>
    public long MaxArticleBytes { get; set; } = DocumentReader.DefaultMaxArticleBytes;
}

internal sealed class SeedsOptionsValidator : IValidateOptions<SeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, SeedsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Seeds:Path (env Seeds__Path) must name the seeds folder, for example 'seeds'.");
        }

        if (options.ScanInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Seeds:ScanInterval (env Seeds__ScanInterval) must be at least 00:00:01.");
        }

        if (options.MaxFileBytes < 1024)
        {
            failures.Add("Seeds:MaxFileBytes (env Seeds__MaxFileBytes) must be at least 1024.");
        }

        if (options.MaxArticleBytes < 1024)
        {
            failures.Add("Seeds:MaxArticleBytes (env Seeds__MaxArticleBytes) must be at least 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
