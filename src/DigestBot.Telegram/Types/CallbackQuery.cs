namespace DigestBot.Telegram.Types;

/// <summary>A press on an inline keyboard button carrying callback data.</summary>
public sealed record CallbackQuery
{
    public required string Id { get; init; }

    public required User From { get; init; }

    /// <summary>The message the button was attached to; absent when it is too old for the Bot API to send.</summary>
    public Message? Message { get; init; }

    public string? Data { get; init; }
}
