using System.Text.Json;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads an <see cref="Update"/> as Telegram posts it to a webhook.</summary>
public static class UpdateJson
{
    /// <summary>The update; one that does not read but has an id comes back with only its id and
    /// <see cref="Update.ReadError"/>, as in a getUpdates batch, to be confirmed and skipped.</summary>
    /// <exception cref="JsonException">The body is not an update: not JSON, not an object or without update_id.</exception>
    public static async ValueTask<Update> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return UpdateListJsonConverter.ReadOne(document.RootElement, BotJsonContext.Default.Update)
            ?? throw new JsonException("update: unable to read it, nor its update_id");
    }
}
