using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Serialization;

/// <summary>Writes a <see cref="ChatId"/> as a JSON number or an "@username" string, as the Bot API expects.</summary>
public sealed class ChatIdJsonConverter : JsonConverter<ChatId>
{
    public override ChatId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new ChatId(reader.GetInt64()),
        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => new ChatId(id),
        JsonTokenType.String => new ChatId(reader.GetString()!),
        _ => throw new JsonException($"chat id: unable to read a {reader.TokenType}: expected a number or a string"),
    };

    public override void Write(Utf8JsonWriter writer, ChatId value, JsonSerializerOptions options)
    {
        if (value.Username is { } username)
        {
            writer.WriteStringValue(username);
        }
        else
        {
            writer.WriteNumberValue(value.Identifier.GetValueOrDefault());
        }
    }
}
