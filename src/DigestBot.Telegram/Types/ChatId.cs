using System.Globalization;
using System.Text.Json.Serialization;
using DigestBot.Telegram.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>A chat addressed by its numeric id or, for public channels and groups, by its "@username".</summary>
[JsonConverter(typeof(ChatIdJsonConverter))]
public readonly record struct ChatId
{
    /// <summary>Addresses a chat by its numeric id.</summary>
    public ChatId(long identifier) => Identifier = identifier;

    /// <summary>Addresses a public chat by its "@username".</summary>
    public ChatId(string username)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (username.Length < 2 || username[0] != '@')
        {
            throw new ArgumentException($"ChatId: a username starts with '@', got \"{username}\"", nameof(username));
        }

        Username = username;
    }

    public long? Identifier { get; }

    public string? Username { get; }

    public static implicit operator ChatId(long identifier) => new(identifier);

    public static implicit operator ChatId(string username) => new(username);

    public override string ToString() => Username ?? Identifier.GetValueOrDefault().ToString(CultureInfo.InvariantCulture);
}
