using DigestBot.Cli;
using Microsoft.Extensions.Options;

try
{
    return await DigestBotCommand.Create().Parse(args).InvokeAsync();
}
catch (OptionsValidationException ex)
{
    // A configuration mistake is the maintainer's to fix: one line per failure, no stack trace.
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"digestbot: configuration: {failure}");
    }

    return 2;
}
