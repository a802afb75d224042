using DigestBot.Cli;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A bot host running as <c>digestbot run</c> runs it, until stopped as SIGTERM stops it.</summary>
internal sealed class HostRun : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();

    public HostRun(IHost host)
    {
        Host = host;
        Running = Task.Run(() => RunCommand.RunHostAsync(host, stop.Token));
    }

    public IHost Host { get; }

    /// <summary>The exit code <c>run</c> gives, once the bot has stopped.</summary>
    public Task<int> Running { get; }

    /// <summary>Stops the bot as SIGTERM does and waits until it has.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked, before it had started.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
        stop.Dispose();
    }
}
