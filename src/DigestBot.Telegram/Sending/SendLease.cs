namespace DigestBot.Telegram;

/// <summary>A permit to send one message; dispose it once the answer has arrived.</summary>
public sealed class SendLease : IDisposable
{
    private readonly SendRateLimiter.ChatLimits chat;
    private SendRateLimiter? limiter;

    internal SendLease(SendRateLimiter limiter, SendRateLimiter.ChatLimits chat)
    {
        this.limiter = limiter;
        this.chat = chat;
    }

    public void Dispose() => Interlocked.Exchange(ref limiter, null)?.Release(chat);
}
