using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads getUpdates' array one update at a time, so that one update that does not read (a field of the wrong type,
/// a number out of range, text no string can hold) costs only itself: it comes back with its id and the reason, to be
/// confirmed and skipped, instead of failing the batch and being asked for again forever.</summary>
internal sealed class UpdateListJsonConverter : JsonConverter<IReadOnlyList<Update>>
{
    public override IReadOnlyList<Update> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"updates: unable to read a {reader.TokenType}: expected an array");
        }

        var info = (JsonTypeInfo<Update>)options.GetTypeInfo(typeof(Update));
        var updates = new List<Update>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (ReadOne(document.RootElement, info) is { } update)
            {
                updates.Add(update);
            }
        }

        return updates;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Update> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<Update>)options.GetTypeInfo(typeof(Update));
        writer.WriteStartArray();
        foreach (var update in value)
        {
            JsonSerializer.Serialize(writer, update, info);
        }

        writer.WriteEndArray();
    }

    /// <summary>The update, or one with only its id and the reason; null when not even the id reads, as nothing can confirm it.</summary>
    internal static Update? ReadOne(JsonElement element, JsonTypeInfo<Update> info)
    {
        try
        {
            return element.Deserialize(info) ?? throw new JsonException("update: unable to read null");
        }
        catch (Exception exception)
        {
            // Whatever the reason, only this update is lost; the reason is logged when it is skipped.
            var reason = exception is JsonException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            return element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("update_id", out var id)
                && id.ValueKind == JsonValueKind.Number
                && id.TryGetInt64(out var updateId)
                ? new Update { UpdateId = updateId, ReadError = reason }
                : null;
        }
    }
}
