using System.Threading.Channels;
using DigestBot.Telegram;

namespace DigestBot.TelegramHost;

/// <summary>The updates the webhook accepted and the receiver has yet to handle; bounded, so a flood waits at Telegram instead of in memory.</summary>
public sealed class WebhookQueue
{
    /// <summary>More than Telegram sends at once (up to 100 connections, one update each); a full queue answers 503 and Telegram repeats the call later.</summary>
    public const int Capacity = 1000;

    private readonly Channel<IncomingUpdate> channel = Channel.CreateBounded<IncomingUpdate>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<IncomingUpdate> Reader => channel.Reader;

    /// <summary>False when the queue is full or closed for shutdown.</summary>
    public bool TryAccept(IncomingUpdate update) => channel.Writer.TryWrite(update);

    /// <summary>Takes no more updates; those accepted are still read.</summary>
    public void Close() => channel.Writer.TryComplete();
}
