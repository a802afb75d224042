using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>
/// Reads one update at a time with Telegram.Bot's JSON settings, so that one update that does not read (a field of the
/// wrong type, a number out of range, an object the bot relies on missing) costs only itself: it comes back with its id
/// and the reason, to be confirmed and skipped, instead of failing the batch or a handler.
/// </summary>
public static class UpdateJson
{
    // update_id and the kinds of update the bot asks for (UpdatePoller.AllowedUpdates): Telegram sends no others.
    private static readonly HashSet<string> ReadMembers = ["update_id", "message", "edited_message", "channel_post", "callback_query", "my_chat_member"];

    /// <summary>The update, or its id and why it did not read; null when not even the id reads, as nothing can confirm it.</summary>
    public static IncomingUpdate? Read(JsonElement element)
    {
        if (IdOf(element) is not { } id)
        {
            return null;
        }

        try
        {
            var update = Deserialize(element);
            return Missing(update) is { } reason ? new IncomingUpdate(id, null, reason) : new IncomingUpdate(id, update, null);
        }
        catch (Exception exception)
        {
            // Whatever the reason, only this update is lost; the reason is logged when it is skipped.
            return new IncomingUpdate(id, null, exception is JsonException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>Reads an update as Telegram posts it to a webhook.</summary>
    /// <exception cref="JsonException">The body is not an update: not JSON, not an object or without update_id.</exception>
    public static async ValueTask<IncomingUpdate> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return Read(document.RootElement) ?? throw new JsonException("update: unable to read it, nor its update_id");
    }

    private static Update Deserialize(JsonElement element)
    {
        try
        {
            return element.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("update: unable to read null");
        }
        catch (Exception) when (Narrowed(element) is { } json)
        {
            return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options) ?? throw new JsonException("update: unable to read null");
        }
    }

    /// <summary>
    /// The update once more, as the bot needs it: only update_id and the kinds it asks for (another kind, which Telegram
    /// does not send it, may hold anything), and each escaped lone surrogate, which JSON allows and no .NET string holds,
    /// replaced by U+FFFD. Null when that leaves the update as it was.
    /// </summary>
    private static string? Narrowed(JsonElement element)
    {
        var json = element.GetRawText();
        var narrowed = false;
        if (element.ValueKind == JsonValueKind.Object && element.EnumerateObject().Any(member => !ReadMembers.Contains(member.Name)))
        {
            var buffer = new ArrayBufferWriter<byte>(json.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().Where(member => ReadMembers.Contains(member.Name)))
                {
                    member.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            narrowed = true;
        }

        return WithoutLoneSurrogates(json) ?? (narrowed ? json : null);
    }

    // What the bot relies on that the Bot API always sends; Telegram.Bot leaves it null when it is missing.
    private static string? Missing(Update update) => update switch
    {
        { Message.Chat: null } or { EditedMessage.Chat: null } or { ChannelPost.Chat: null } => "message: chat is missing",
        { CallbackQuery: { } press } when press.Id is null || press.From is null => "callback_query: id or from is missing",
        { CallbackQuery.Message: { Chat: null } } => "callback_query: the message's chat is missing",
        { MyChatMember: { } change } when change.Chat is null || change.From is null || change.NewChatMember?.User is null => "my_chat_member: chat, from or new_chat_member is missing",
        _ => null,
    };

    private static long? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("update_id", out var id)
        && id.ValueKind == JsonValueKind.Number
        && id.TryGetInt64(out var updateId)
            ? updateId
            : null;

    /// <summary>The JSON with each escaped lone surrogate replaced by an escaped U+FFFD; null when it has none.</summary>
    private static string? WithoutLoneSurrogates(string json)
    {
        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            if (json[i + 1] != 'u' || !TryReadEscape(json, i, out var unit))
            {
                // Any other escape is two characters long; skipping it keeps an escaped backslash from starting one.
                i++;
                continue;
            }

            if (char.IsHighSurrogate(unit) && TryReadEscape(json, i + 6, out var next) && char.IsLowSurrogate(next))
            {
                i += 11;
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                repaired ??= new StringBuilder(json.Length);
                repaired.Append(json, copied, i - copied).Append("\\ufffd");
                copied = i + 6;
            }

            i += 5;
        }

        return repaired?.Append(json, copied, json.Length - copied).ToString();
    }

    private static bool TryReadEscape(string json, int at, out char unit)
    {
        unit = default;
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}

/// <summary>An update as received: read, or only its id and why it did not read, to be confirmed and skipped.</summary>
/// <param name="Id">The update_id, which polling confirms and redeliveries are recognized by.</param>
/// <param name="Update">The update, or null when it did not read.</param>
/// <param name="ReadError">Why it did not read, when it did not.</param>
public sealed record IncomingUpdate(long Id, Update? Update, string? ReadError);
