using System.CommandLine;

namespace DigestBot.Cli;

/// <summary>The command line: the bot host and the maintainers' tools in one executable.</summary>
public static class DigestBotCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("DigestBot: a Telegram bot for news digests in Russian, Kazakh and English.")
        {
            GlobalOptions.Database,
            RunCommand.Create(),
            ImportCommand.Create(),
            ArticlesCommand.Create(),
            ConsoleCommand.Create(),
            SummarizeCommand.Create(),
            EvalSummariesCommand.Create(),
            AnalyzeCommand.Create(),
            SearchCommand.Create(),
            SourcesCommand.Create(),
            CheckCommand.Create(),
            HealthcheckCommand.Create(),
            BackupCommand.Create(),
        };
        root.SetAction(RunCommand.RunAsync);
        return root;
    }
}
