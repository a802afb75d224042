using System.Diagnostics;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Runs a command line tool to completion and captures what it printed.</summary>
internal static class CommandLine
{
    /// <param name="input">Typed into the tool's standard input, which is then closed.</param>
    /// <param name="environment">Variables set for the tool on top of this process's environment.</param>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"{fileName}: unable to start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(startInfo)} did not finish within {timeout}");
        }

        return new CommandResult(Describe(startInfo), process.ExitCode, await output, await error);
    }

    /// <summary>Runs the tool and fails with its output unless it exits with 0.</summary>
    public static async Task<string> RunCheckedAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var result = await RunAsync(fileName, arguments, timeout, workingDirectory);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException(
                $"{result.Command} exited with {result.ExitCode}:\n{result.Output}\n{result.Error}");
    }

    internal static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
}

/// <summary>How a command line tool ended and what it printed.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error);
