namespace DigestBot.Telegram.Types;

/// <summary>The message a sent message replies to.</summary>
public sealed record ReplyParameters(int MessageId)
{
    public ChatId? ChatId { get; init; }

    public bool? AllowSendingWithoutReply { get; init; }
}
