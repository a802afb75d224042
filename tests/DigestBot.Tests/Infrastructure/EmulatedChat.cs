using System.Text.Json.Nodes;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A chat a user talks to the bot in, as the Bot API describes it.</summary>
public sealed record EmulatedChat(long Id, string Type, string? Title)
{
    /// <summary>A basic group; Telegram gives groups negative ids.</summary>
    public static EmulatedChat Group(long id, string title) => new(id, "group", title);

    /// <summary>A supergroup; Telegram gives them ids below -1000000000000.</summary>
    public static EmulatedChat Supergroup(long id, string title) => new(id, "supergroup", title);

    internal JsonObject ToJson(EmulatedUser user) => Type == "private"
        ? new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["first_name"] = user.FirstName,
            ["username"] = user.Username,
        }
        : new JsonObject { ["id"] = Id, ["type"] = Type, ["title"] = Title };
}
