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
        var value = reader.TryGetInt64(out var whole) ? whole : (long)Math.Clamp(reader.GetDouble(), long.MinValue, long.MaxValue);
        if (Math.Abs(value) > MaxSeconds)
        {
            value /= 1000;
        }

        return DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(value, 0, MaxSeconds));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
