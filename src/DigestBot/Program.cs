using System.CommandLine;
using DigestBot.Cli;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

try
{
    // Exceptions reach the handler below rather than the command line's own, which prints stack traces.
    var parse = DigestBotCommand.Create().Parse(args);
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
    if (parse.CommandResult.Command.Name == ImportCommand.Name)
    {
        // On SIGINT or SIGTERM the command line cancels the action's token; import then stores the batch in hand and prints its summary.
        invocation.ProcessTerminationTimeout = ImportCommand.StopTimeout;
    }

    return await parse.InvokeAsync(invocation);
}
catch (Exception ex) when (ConfigurationFailures(ex) is { Count: > 0 } failures)
{
    // A configuration mistake is the maintainer's to fix: one line per failure, no stack trace.
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"digestbot: configuration: {failure}");
    }

    return 2;
}
catch (StorageUnavailableException ex)
{
    // The database may be down for a moment or named wrongly; either way one line says which setting to check,
    // and an exit code of its own lets a supervisor tell it from a configuration mistake and start the bot again.
    Console.Error.WriteLine($"digestbot: storage: {ex.Message}");
    return 4;
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM stopped a verb between its own checkpoints; what it finished is kept, as the verb says.
    Console.Error.WriteLine("digestbot: stopped");
    return 130;
}
catch (Exception ex) when (StorageFaults.Describe(ex) is { } cause)
{
    // The store failed after start-up (a full disk, a damaged page): the same one line and exit code, never a stack trace.
    Console.Error.WriteLine($"digestbot: storage: {cause}");
    return 4;
}

static List<string> ConfigurationFailures(Exception ex) => ex switch
{
    OptionsValidationException options => [.. options.Failures],
    AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(ConfigurationFailures)],
    _ => [],
};
