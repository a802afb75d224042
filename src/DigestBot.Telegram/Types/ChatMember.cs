using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>A user's membership in a chat, flattened over the Bot API's per-status variants.</summary>
public sealed record ChatMember
{
    public required ChatMemberStatus Status { get; init; }

    public required User User { get; init; }

    /// <summary>Whether an administrator may post in a channel; set only for administrators.</summary>
    public bool? CanPostMessages { get; init; }
}

/// <summary>The status of a <see cref="ChatMember"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChatMemberStatus>))]
public enum ChatMemberStatus
{
    [JsonStringEnumMemberName("creator")]
    Creator,

    [JsonStringEnumMemberName("administrator")]
    Administrator,

    [JsonStringEnumMemberName("member")]
    Member,

    [JsonStringEnumMemberName("restricted")]
    Restricted,

    [JsonStringEnumMemberName("left")]
    Left,

    [JsonStringEnumMemberName("kicked")]
    Kicked,
}
