using System.Text.Json;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Serialization;

/// <summary>Reads an <see cref="Update"/> as Telegram posts it to a webhook.</summary>
public static class UpdateJson
{
    /// <summary>The update, or null for a JSON null.</summary>
    /// <exception cref="JsonException">The body is not an update: not JSON, not an object or without update_id.</exception>
    public static ValueTask<Update?> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        JsonSerializer.DeserializeAsync(body, BotJsonContext.Default.Update, cancellationToken);
}
