using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Localization;
using Telegram.Bot.Types;

namespace DigestBot.Conversation;

/// <summary>One thing a chat said or pressed, with what a handler needs to answer it.</summary>
public sealed class ChatTurn(Chat chat, User? from, Language language, IReplySink replies, Texts texts)
{
    public Chat Chat { get; } = chat;

    public long ChatId => Chat.Id;

    public User? From { get; } = from;

    /// <summary>The language to answer in: the chat's choice, else the user's Telegram language, else English.</summary>
    public Language Language { get; } = language;

    /// <summary>Lists show articles in every language (the chat's own first), unless the chat asked for its own only.</summary>
    public bool AllLanguages { get; init; } = true;

    /// <summary>The command's name without the slash and bot name, lowercase; null for a button press.</summary>
    public string? Command { get; init; }

    /// <summary>What follows the command, trimmed.</summary>
    public string Arguments { get; init; } = "";

    public CallbackData? Callback { get; init; }

    public string? CallbackQueryId { get; init; }

    /// <summary>The message whose button was pressed.</summary>
    public int? CallbackMessageId { get; init; }

    public IReplySink Replies { get; } = replies;

    /// <summary>The same turn, answered in another language (right after the chat chose it).</summary>
    public ChatTurn InLanguage(Language other) => new(Chat, From, other, Replies, texts)
    {
        AllLanguages = AllLanguages,
        Command = Command,
        Arguments = Arguments,
        Callback = Callback,
        CallbackQueryId = CallbackQueryId,
        CallbackMessageId = CallbackMessageId,
    };

    public string Text(string key, params object[] arguments) => texts.Get(Language, key, arguments);

    public string Count(string key, long n) => texts.Count(Language, key, n);

    public Task ReplyAsync(string html, CancellationToken cancellationToken) =>
        Replies.SendAsync(ChatId, new OutgoingMessage(html), cancellationToken);

    public Task ReplyAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        Replies.SendAsync(ChatId, message, cancellationToken);

    /// <summary>Answers the button press, if this turn is one; every press must be answered.</summary>
    public Task AnswerCallbackAsync(string? notice, CancellationToken cancellationToken) =>
        CallbackQueryId is null ? Task.CompletedTask : Replies.AnswerCallbackAsync(CallbackQueryId, notice, cancellationToken);
}
