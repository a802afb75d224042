using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads a JSON null as false: some Bot API servers acknowledge with <c>"result": null</c> where Telegram says <c>true</c>.</summary>
internal sealed class LenientBooleanJsonConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw new JsonException($"Expected a boolean, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
