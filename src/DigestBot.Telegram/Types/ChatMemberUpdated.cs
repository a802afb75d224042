using System.Text.Json.Serialization;
using DigestBot.Telegram.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>A change of a chat member's status, such as the bot being added to a channel or blocked.</summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }

    public required User From { get; init; }

    [JsonConverter(typeof(UnixTimeJsonConverter))]
    public required DateTimeOffset Date { get; init; }

    public required ChatMember OldChatMember { get; init; }

    public required ChatMember NewChatMember { get; init; }
}
