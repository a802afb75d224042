using DigestBot.Core.Articles;

namespace DigestBot.Storage;

/// <summary>What the bot remembers about a chat: its kind, title and the reader's choices.</summary>
public sealed class ChatSettings
{
    public long ChatId { get; set; }

    /// <summary>private, group, supergroup or channel, as Telegram says.</summary>
    public required string Kind { get; set; }

    public string? Title { get; set; }

    /// <summary>The language the chat chose; null until it chooses one (then the user's Telegram language is used).</summary>
    public Language? Language { get; set; }

    /// <summary>Show articles in every language rather than only in the chat's own.</summary>
    public bool AllLanguages { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
