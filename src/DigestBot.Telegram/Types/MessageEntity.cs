namespace DigestBot.Telegram.Types;

/// <summary>A special span of a message text: a bot command, a link, a mention, bold text and so on.</summary>
public sealed record MessageEntity
{
    /// <summary>The entity kind as the Bot API names it ("bot_command", "url", "text_link", ...); a string because new kinds keep appearing.</summary>
    public required string Type { get; init; }

    /// <summary>Offset in UTF-16 code units from the start of the text.</summary>
    public required int Offset { get; init; }

    /// <summary>Length in UTF-16 code units.</summary>
    public required int Length { get; init; }

    public string? Url { get; init; }
}
