using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>Imports seed files that appear or change while the bot runs.</summary>
public sealed class SeedWatcher(SeedSync sync, IOptions<SeedsOptions> options, TimeProvider time, ILogger<SeedWatcher> logger)
    : BackgroundService
{
    // File writers raise several events per save; wait for the burst to settle before reading.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        var signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = CreateWatcher(signals.Writer);
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        var ticks = Task.Run(
            async () =>
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    signals.Writer.TryWrite(true);
                }
            },
            stoppingToken);

        try
        {
            await foreach (var _ in signals.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(Settle, time, stoppingToken);
                await SyncAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await ticks.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sync.SyncAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Seeds: unable to import changed files: {Message}", ex.Message);
        }
    }

    private FileSystemWatcher? CreateWatcher(ChannelWriter<bool> signals)
    {
        if (!Directory.Exists(sync.Folder))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(sync.Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => signals.TryWrite(true);
        watcher.Changed += (_, _) => signals.TryWrite(true);
        watcher.Renamed += (_, _) => signals.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
