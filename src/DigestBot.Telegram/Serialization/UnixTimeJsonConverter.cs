using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as Unix seconds, the Bot API's date format.</summary>
/// <remarks>Some servers send milliseconds; a value too large to be seconds is read as such, and anything beyond is clamped.</remarks>
public sealed class UnixTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const long MaxSeconds = 253_402_300_799;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            // Without a message of its own the error names the type and the path of the field.
            throw new JsonException();
        }

        // In floating point, so that no number, however far out of range, can overflow on the way to the clamp.
        var value = reader.TryGetInt64(out var whole) ? whole : reader.GetDouble();
        if (Math.Abs(value) > MaxSeconds)
        {
            value /= 1000;
        }

        return DateTimeOffset.FromUnixTimeSeconds((long)Math.Clamp(value, 0, MaxSeconds));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
