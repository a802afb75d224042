using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A Telegram user who talks to the bot through the emulator's client API.</summary>
public sealed class EmulatedUser
{
    // The bot as the emulator's getMe describes it: a message the user clicks on claims to come from it.
    private const long BotId = 666;
    private const string BotFirstName = "Test First name";
    private const string BotUsername = "TestNameBot";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient http;
    private readonly string botToken;
    private readonly HashSet<long> receivedMessageIds = [];

    internal EmulatedUser(
        HttpClient http, string botToken, long id, string firstName, string username, string? languageCode)
    {
        this.http = http;
        this.botToken = botToken;
        Id = id;
        FirstName = firstName;
        Username = username;
        LanguageCode = languageCode;
        PrivateChat = new EmulatedChat(id, "private", Title: null);
    }

    public long Id { get; }

    public string FirstName { get; }

    public string Username { get; }

    /// <summary>The language of the user's Telegram app, sent as <c>from.language_code</c>; null leaves it out.</summary>
    public string? LanguageCode { get; set; }

    /// <summary>The user's one-to-one chat with the bot; like in Telegram its id is the user's id.</summary>
    public EmulatedChat PrivateChat { get; }

    /// <summary>Sends plain text to the bot, in the private chat unless another chat is given.</summary>
    public Task SendMessageAsync(string text, EmulatedChat? chat = null) =>
        PostAsync("sendMessage", NewMessage(text, chat ?? PrivateChat));

    /// <summary>Sends a command such as "/start" or "/search cats" with the bot_command entity Telegram adds.</summary>
    public Task SendCommandAsync(string command, EmulatedChat? chat = null)
    {
        if (!command.StartsWith('/'))
        {
            throw new ArgumentException($"A command starts with '/': {command}", nameof(command));
        }

        var message = NewMessage(command, chat ?? PrivateChat);
        var length = command.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : command.Length;
        message["entities"] = new JsonArray(
            new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        return PostAsync("sendCommand", message);
    }

    /// <summary>Presses the inline button carrying <paramref name="callbackData"/> under one of the bot's messages.</summary>
    public Task PressButtonAsync(BotMessage message, string callbackData)
    {
        if (!message.Buttons.Any(button => button.CallbackData == callbackData))
        {
            throw new ArgumentException(
                $"Message {message.MessageId} has no button with callback data '{callbackData}'.",
                nameof(callbackData));
        }

        var pressed = new JsonObject
        {
            ["botToken"] = botToken,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = From(),
            ["data"] = callbackData,
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId,
                ["date"] = message.Date.ToUnixTimeSeconds(),
                ["chat"] = message.Chat.ToJson(this),
                ["from"] = new JsonObject
                {
                    ["id"] = BotId,
                    ["is_bot"] = true,
                    ["first_name"] = BotFirstName,
                    ["username"] = BotUsername,
                },
                ["text"] = message.Text,
                ["reply_markup"] = message.Request.TryGetProperty("reply_markup", out var markup)
                    ? JsonNode.Parse(markup.GetRawText())
                    : null,
            },
        };
        return PostAsync("sendCallback", pressed);
    }

    /// <summary>
    /// Waits for the next <paramref name="count"/> messages the bot sends to the chat (the private one by default)
    /// that this user has not received yet, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<BotMessage>> WaitForBotRepliesAsync(
        int count, TimeSpan timeout, EmulatedChat? chat = null)
    {
        chat ??= PrivateChat;
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var fresh = (await GetAllBotMessagesAsync(chat))
                .Where(message => !receivedMessageIds.Contains(message.MessageId))
                .ToList();
            if (fresh.Count >= count)
            {
                var replies = fresh.Take(count).ToList();
                receivedMessageIds.UnionWith(replies.Select(reply => reply.MessageId));
                return replies;
            }

            if (waiting.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"Expected {count} bot replies in chat {chat.Id} within {timeout}, got {fresh.Count}: "
                    + string.Join(" | ", fresh.Select(message => message.Text)));
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Every message the bot has sent to the chat (the private one by default) and not deleted, oldest first.</summary>
    public async Task<IReadOnlyList<BotMessage>> GetAllBotMessagesAsync(EmulatedChat? chat = null)
    {
        chat ??= PrivateChat;
        using var response = await http.PostAsJsonAsync("getUpdatesHistory", new JsonObject { ["token"] = botToken });
        await EnsureSuccessAsync(response, "getUpdatesHistory");
        using var history = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return history.RootElement.GetProperty("result")
            .EnumerateArray()
            .Select(entry => ReadBotMessage(entry, chat))
            .OfType<BotMessage>()
            .OrderBy(message => message.MessageId)
            .ToList();
    }

    /// <summary>
    /// The bot's messages to the chat (the private one by default) that no call of this method has returned yet, oldest
    /// first; edits of messages already returned are not seen. Unlike the history it holds nothing on this side, so a
    /// long run can poll it for ever.
    /// </summary>
    public async Task<IReadOnlyList<BotMessage>> TakeNewBotMessagesAsync(EmulatedChat? chat = null)
    {
        chat ??= PrivateChat;
        using var response = await http.PostAsJsonAsync("getUpdates", new JsonObject { ["token"] = botToken, ["chatId"] = chat.Id });
        await EnsureSuccessAsync(response, "getUpdates");
        using var unread = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return unread.RootElement.GetProperty("result")
            .EnumerateArray()
            .Select(entry => ReadBotMessage(entry, chat))
            .OfType<BotMessage>()
            .OrderBy(message => message.MessageId)
            .ToList();
    }

    // The history mixes user updates (message.chat or callbackQuery) with bot messages, which keep the
    // bot's request as it came: chat_id as sent and reply_markup parsed from JSON.
    private static BotMessage? ReadBotMessage(JsonElement entry, EmulatedChat chat)
    {
        if (!entry.TryGetProperty("message", out var message)
            || !message.TryGetProperty("chat_id", out var chatId)
            || ReadInt64(chatId) != chat.Id)
        {
            return null;
        }

        return new BotMessage(
            entry.GetProperty("messageId").GetInt64(),
            chat,
            DateTimeOffset.FromUnixTimeMilliseconds(entry.GetProperty("time").GetInt64()),
            ReadString(message, "text"),
            ReadString(message, "parse_mode"),
            ReadInlineKeyboard(message),
            message.Clone());
    }

    private static IReadOnlyList<IReadOnlyList<InlineButton>> ReadInlineKeyboard(JsonElement message)
    {
        if (!message.TryGetProperty("reply_markup", out var markup))
        {
            return [];
        }

        using var parsed = markup.ValueKind == JsonValueKind.String ? JsonDocument.Parse(markup.GetString()!) : null;
        var markupObject = parsed?.RootElement ?? markup;
        if (markupObject.ValueKind != JsonValueKind.Object
            || !markupObject.TryGetProperty("inline_keyboard", out var rows))
        {
            return [];
        }

        return rows.EnumerateArray()
            .Select(row => (IReadOnlyList<InlineButton>)row.EnumerateArray()
                .Select(button => new InlineButton(
                    ReadString(button, "text") ?? string.Empty,
                    ReadString(button, "callback_data"),
                    ReadString(button, "url")))
                .ToList())
            .ToList();
    }

    private static string? ReadString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? ReadInt64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"telegram-test-api: {method} answered {(int)response.StatusCode}: "
                + await response.Content.ReadAsStringAsync(),
                inner: null,
                response.StatusCode);
        }
    }

    private async Task PostAsync(string method, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(method, body);
        await EnsureSuccessAsync(response, method);
    }

    private JsonObject NewMessage(string text, EmulatedChat chat) => new()
    {
        ["botToken"] = botToken,
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["from"] = From(),
        ["chat"] = chat.ToJson(this),
        ["text"] = text,
    };

    private JsonObject From()
    {
        var from = new JsonObject
        {
            ["id"] = Id,
            ["is_bot"] = false,
            ["first_name"] = FirstName,
            ["username"] = Username,
        };
        if (LanguageCode is not null)
        {
            from["language_code"] = LanguageCode;
        }

        return from;
    }
}
