using DigestBot.Conversation;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The updates one user's Telegram app sends: messages and button presses, numbered in order.</summary>
public sealed class UserUpdates(Chat privateChat, string firstName)
{
    private int updateId;

    public Chat PrivateChat { get; } = privateChat;

    public User User(string language) => new() { Id = PrivateChat.Id, FirstName = firstName, LanguageCode = language };

    /// <summary>Text typed in the private chat, or in <paramref name="chat"/>.</summary>
    public Update Message(string text, string language, Chat? chat = null) => new()
    {
        Id = ++updateId,
        Message = new Message { Id = updateId, From = User(language), Chat = chat ?? PrivateChat, Date = DateTime.UtcNow, Text = text },
    };

    /// <summary>A press on a button of the bot's message <paramref name="messageId"/> in the private chat.</summary>
    public Update Press(string? data, string language, int messageId = 1) => new()
    {
        Id = ++updateId,
        CallbackQuery = new CallbackQuery
        {
            Id = "press-" + updateId,
            From = User(language),
            Data = data,
            Message = new Message { Id = messageId, Chat = PrivateChat, Date = DateTime.UtcNow, Text = "…" },
        },
    };

    /// <summary>A press on a message too old for Telegram to send along.</summary>
    public Update PressWithoutMessage(string id, string? data, string language) => new()
    {
        Id = ++updateId,
        CallbackQuery = new CallbackQuery { Id = id, From = User(language), Data = data },
    };
}

/// <summary>Drives the host's dispatcher the way Telegram updates do, collecting what it answers.</summary>
public static class DispatcherExtensions
{
    public static async Task<RecordingReplies> DispatchAsync(this TestHost host, Update update)
    {
        var replies = new RecordingReplies();
        await host.Get<Dispatcher>().DispatchAsync(update, replies, CancellationToken.None);
        return replies;
    }
}
