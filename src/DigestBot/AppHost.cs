using DigestBot.Conversation;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.Summaries;
using DigestBot.Topics;
using Microsoft.Extensions.Logging.Console;

namespace DigestBot;

/// <summary>Builds the host that every command runs in: configuration, logging and services.</summary>
public static class AppHost
{
    /// <param name="connectionString">The <c>--db</c> override of <c>ConnectionStrings:Articles</c>, if given.</param>
    /// <param name="quiet">For commands whose output is data: logs go to stderr and only warnings show.</param>
    public static HostApplicationBuilder CreateBuilder(string? connectionString, bool quiet, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (connectionString is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)]);
        }

        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = quiet ? LogLevel.Trace : LogLevel.Warning);
        if (quiet)
        {
            // A provider rule outranks the configured category levels, so data on stdout stays clean.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        Core.Localization.HumanizerLocales.Register();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStorage();
        builder.Services.AddTopics();
        builder.Services.AddSummaries();
        builder.Services.AddImporting();
        builder.Services.AddConversation();
        builder.Services.AddSearch(builder.Configuration);
        return builder;
    }
}
