using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as Unix seconds, the Bot API's date format.</summary>
public sealed class UnixTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
