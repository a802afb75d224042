using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>How a message text is formatted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParseMode>))]
public enum ParseMode
{
    [JsonStringEnumMemberName("HTML")]
    Html,

    [JsonStringEnumMemberName("MarkdownV2")]
    MarkdownV2,
}
