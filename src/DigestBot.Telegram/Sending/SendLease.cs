namespace DigestBot.Telegram;

/// <summary>A permit to send one message; dispose it once the answer has arrived.</summary>
public sealed class SendLease : IDisposable
{
    private readonly SendRateLimiter.ChatLimits _chat;
    private SendRateLimiter? _limiter;

    internal SendLease(SendRateLimiter limiter, SendRateLimiter.ChatLimits chat)
    {
        _limiter = limiter;
        _chat = chat;
    }

    public void Dispose() => Interlocked.Exchange(ref _limiter, null)?.Release(_chat);
}
