using System.Text.Json.Nodes;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Bot API objects as the server sends them, for scripting <see cref="FakeBotApi"/>.</summary>
internal static class BotJson
{
    public static JsonNode User(long id, string firstName = "Ann") =>
        new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "en" };

    public static JsonNode Chat(long id, string type = "private") =>
        new JsonObject { ["id"] = id, ["type"] = type, ["first_name"] = "Ann" };

    public static JsonNode Message(int messageId, long chatId, string text, string chatType = "private") => new JsonObject
    {
        ["message_id"] = messageId,
        ["from"] = User(chatId),
        ["chat"] = Chat(chatId, chatType),
        ["date"] = 1767225600,
        ["text"] = text,
    };

    public static JsonNode TextUpdate(long updateId, string text = "/latest") => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = Message((int)updateId, 42, text),
    };

    public static JsonArray Updates(params long[] updateIds) => [.. updateIds.Select(id => TextUpdate(id))];
}
