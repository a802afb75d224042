using DigestBot.Core.Articles;
using DigestBot.Core.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Localization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Conversation;

/// <summary>Routes each update to the handler of its command or button; answers everything else with a hint.</summary>
public sealed class Dispatcher
{
    private readonly CommandRegistry registry;
    private readonly IMembershipHandler membership;
    private readonly ChatDirectory chats;
    private readonly FloodLimiter flood;
    private readonly Texts texts;
    private readonly BotIdentity identity;
    private readonly ILogger<Dispatcher> logger;

    public Dispatcher(
        CommandRegistry registry,
        IMembershipHandler membership,
        ChatDirectory chats,
        FloodLimiter flood,
        Texts texts,
        BotIdentity identity,
        ILogger<Dispatcher> logger)
    {
        this.registry = registry;
        this.membership = membership;
        this.chats = chats;
        this.flood = flood;
        this.texts = texts;
        this.identity = identity;
        this.logger = logger;
    }

    /// <summary>Answers <paramref name="update"/> and tells what became of it.</summary>
    public async Task<DispatchOutcome> DispatchAsync(Update update, IReplySink replies, CancellationToken cancellationToken)
    {
        // Edits and channel posts ask for no answer; the bot's own membership changes are followed silently.
        if (update.Message is { } message)
        {
            return await OnMessageAsync(message, replies, cancellationToken);
        }

        if (update.CallbackQuery is { } callback)
        {
            return await OnCallbackAsync(callback, replies, cancellationToken);
        }

        if (update.MyChatMember is { } change)
        {
            await membership.HandleAsync(change, cancellationToken);
            return DispatchOutcome.Handled;
        }

        return DispatchOutcome.Ignored;
    }

    private async Task<DispatchOutcome> OnMessageAsync(Message message, IReplySink replies, CancellationToken cancellationToken)
    {
        var text = message.Text ?? "";
        var isCommand = CommandText.TryParse(text, identity.Username, out var name, out var arguments);
        var isPrivate = message.Chat.Type == ChatType.Private;
        if (!isCommand && !isPrivate)
        {
            // In a group the bot only speaks when spoken to with a command.
            return DispatchOutcome.Ignored;
        }

        // A flooding chat is dropped before the database is asked anything.
        var verdict = CheckFlood(message.Chat, message.From);
        if (verdict == FloodVerdict.Ignore)
        {
            return DispatchOutcome.Limited;
        }

        var (language, allLanguages) = await PreferencesOfAsync(message.Chat, message.From, cancellationToken);
        var turn = new ChatTurn(message.Chat, message.From, language, replies, texts)
        {
            AllLanguages = allLanguages,
            Command = isCommand ? name : null,
            Arguments = arguments,
        };

        if (verdict == FloodVerdict.SlowDown)
        {
            await RunAsync(turn, t => t.ReplyAsync(t.Text("Flood_SlowDown"), cancellationToken), cancellationToken);
            return DispatchOutcome.Limited;
        }

        if (!isCommand)
        {
            return await RunAsync(turn, t => t.ReplyAsync(t.Text("Unknown_Text"), cancellationToken), cancellationToken);
        }

        if (!registry.TryGetCommandHandler(name, out var handler))
        {
            return await RunAsync(turn, t => t.ReplyAsync(t.Text("Unknown_Command", TelegramHtml.Escape(TextTruncation.Truncate("/" + name, 64))), cancellationToken), cancellationToken);
        }

        return await RunAsync(turn, t => handler.HandleAsync(t, cancellationToken), cancellationToken);
    }

    private async Task<DispatchOutcome> OnCallbackAsync(CallbackQuery callback, IReplySink replies, CancellationToken cancellationToken)
    {
        var answering = new AnsweringSink(replies);
        if (callback.Message is not { } message)
        {
            // Too old for Telegram to send along: nothing to act on, but the press is still answered.
            await answering.AnswerCallbackAsync(callback.Id, null, cancellationToken);
            return DispatchOutcome.Handled;
        }

        // An ignored press is still answered, or the user's app would show it loading.
        var verdict = CheckFlood(message.Chat, callback.From);
        if (verdict == FloodVerdict.Ignore)
        {
            await answering.AnswerCallbackAsync(callback.Id, null, cancellationToken);
            return DispatchOutcome.Limited;
        }

        var (language, allLanguages) = await PreferencesOfAsync(message.Chat, callback.From, cancellationToken);
        var turn = new ChatTurn(message.Chat, callback.From, language, answering, texts)
        {
            AllLanguages = allLanguages,
            CallbackQueryId = callback.Id,
            CallbackMessageId = message.MessageId,
            Callback = CallbackData.TryParse(callback.Data, out var data) ? data : null,
        };

        try
        {
            if (verdict == FloodVerdict.SlowDown)
            {
                await turn.AnswerCallbackAsync(turn.Text("Flood_SlowDown"), cancellationToken);
                return DispatchOutcome.Limited;
            }

            if (turn.Callback is { } parsed && registry.TryGetActionHandler(parsed.Action, out var handler))
            {
                return await RunAsync(turn, t => handler.HandleAsync(t, cancellationToken), cancellationToken);
            }

            logger.LogInformation("Dispatcher: stale or foreign callback data in chat {ChatId}", message.Chat.Id);
            await turn.AnswerCallbackAsync(turn.Text("Callback_Stale"), cancellationToken);
            return DispatchOutcome.Handled;
        }
        finally
        {
            if (!answering.Answered)
            {
                await answering.AnswerCallbackAsync(callback.Id, null, cancellationToken);
            }
        }
    }

    private async Task<DispatchOutcome> RunAsync(ChatTurn turn, Func<ChatTurn, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle(turn);
            return DispatchOutcome.Handled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Dispatcher: unable to answer {Command} in chat {ChatId}: {Message}", turn.Command ?? turn.Callback?.Action ?? "text", turn.ChatId, ex.Message);
            await TryApologizeAsync(turn, cancellationToken);
            return DispatchOutcome.Failed;
        }
    }

    private async Task TryApologizeAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            if (turn.CallbackQueryId is not null)
            {
                await turn.AnswerCallbackAsync(turn.Text("Error_Generic"), cancellationToken);
            }
            else
            {
                await turn.ReplyAsync(turn.Text("Error_Generic"), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Dispatcher: unable to tell chat {ChatId} about the error: {Message}", turn.ChatId, ex.Message);
        }
    }

    /// <summary>Counts a command or press: a private chat as a whole, a group per member, so one member's flood does not silence the group.</summary>
    private FloodVerdict CheckFlood(Chat chat, User? from)
    {
        var verdict = flood.Check(chat.Id, chat.Type == ChatType.Private ? 0 : from?.Id ?? 0);
        if (verdict == FloodVerdict.SlowDown)
        {
            logger.LogInformation(
                "Dispatcher: chat {ChatId} sent more than {Limit} commands in a minute; ignoring it until the minute is over", chat.Id, flood.Limit);
        }

        return verdict;
    }

    /// <summary>The chat's choices, read once per update: its language (else the user's Telegram language, else English) and scope.</summary>
    private async Task<(Language Language, bool AllLanguages)> PreferencesOfAsync(Chat chat, User? from, CancellationToken cancellationToken)
    {
        var settings = await chats.FindAsync(chat.Id, cancellationToken);
        var language = settings?.Language
            ?? (LanguageCodes.TryParse(from?.LanguageCode, out var telegram) ? telegram : Language.En);
        return (language, settings?.AllLanguages ?? true);
    }

    /// <summary>Remembers whether the press was answered, so that none is left spinning.</summary>
    private sealed class AnsweringSink(IReplySink inner) : IReplySink
    {
        public bool Answered { get; private set; }

        public Task SendAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken) =>
            inner.SendAsync(chatId, message, cancellationToken);

        public Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken) =>
            inner.RemoveButtonsAsync(chatId, messageId, cancellationToken);

        public async Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken cancellationToken)
        {
            if (Answered)
            {
                return;
            }

            Answered = true;
            await inner.AnswerCallbackAsync(callbackQueryId, notice, cancellationToken);
        }
    }
}
