using System.CommandLine;

namespace DigestBot.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Connection string or SQLite file; overrides ConnectionStrings:Articles.",
        Recursive = true,
    };
}
