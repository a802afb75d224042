using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>A private chat, group, supergroup or channel.</summary>
public sealed record Chat
{
    public required long Id { get; init; }

    public required ChatType Type { get; init; }

    public string? Title { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }
}

/// <summary>The kind of a <see cref="Chat"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChatType>))]
public enum ChatType
{
    [JsonStringEnumMemberName("private")]
    Private,

    [JsonStringEnumMemberName("group")]
    Group,

    [JsonStringEnumMemberName("supergroup")]
    Supergroup,

    [JsonStringEnumMemberName("channel")]
    Channel,
}
