using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Core.Schedules;
using DigestBot.Core.Topics;
using DigestBot.Features.Digests;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Channels;

/// <summary>
/// /schedule [@channel] HH:MM [zone] [topic ...] and /unschedule [@channel]: a group's digest set in the group, or a
/// channel's set in a private chat, by their admins.
/// </summary>
public sealed class ManagedDigestHandler(ChatAdmins admins, SubscriptionStore subscriptions, TopicCatalog catalog, IOptions<DigestOptions> options) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var (channel, rest) = ChannelArgument.Take(turn.Arguments);
        if (channel is null && turn.Chat.Type is not (ChatType.Group or ChatType.Supergroup))
        {
            await turn.ReplyAsync(turn.Text("Schedule_Usage"), cancellationToken);
            return;
        }

        if (turn.Command == "unschedule")
        {
            await UnscheduleAsync(turn, channel, cancellationToken);
            return;
        }

        // The command is read before Telegram is asked anything: a typo costs no Bot API calls.
        if (Read(turn, rest, out var problem) is not { } request)
        {
            await turn.ReplyAsync(problem, cancellationToken);
            return;
        }

        if (await admins.AuthorizeAsync(turn, channel, botMustPost: true, cancellationToken) is not { } managed)
        {
            return;
        }

        var subscription = await subscriptions.ScheduleAsync(managed.Chat, request.Time, request.Zone, request.Topics, managed.AdminId, cancellationToken);
        await turn.ReplyAsync(
            turn.Text("Schedule_Done", managed.TitleHtml, DigestTime.Format(subscription.Time), TelegramHtml.Escape(subscription.TimeZone), TopicList.Describe(turn, catalog, subscription.TopicIds)),
            cancellationToken);
    }

    private async Task UnscheduleAsync(ChatTurn turn, string? channel, CancellationToken cancellationToken)
    {
        // Removing a digest needs no right to post: an admin may clean up after the bot lost it.
        if (await admins.AuthorizeAsync(turn, channel, botMustPost: false, cancellationToken) is not { } managed)
        {
            return;
        }

        var removed = await subscriptions.UnsubscribeAsync(managed.Chat.Id, cancellationToken);
        await turn.ReplyAsync(turn.Text(removed ? "Unschedule_Done" : "Unschedule_None", managed.TitleHtml), cancellationToken);
    }

    /// <summary>Reads "HH:MM [zone] [topic ...]"; null with <paramref name="problem"/> the answer that says what is wrong.</summary>
    private Request? Read(ChatTurn turn, string text, out string problem)
    {
        problem = "";
        var words = text.Split([' ', '\t', '\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !DigestTime.TryParse(words[0], out var time))
        {
            problem = turn.Text("Schedule_Usage");
            return null;
        }

        // A zone may take two words ("New York", "UTC +5"); a word that is no zone starts the topics.
        var topicsFrom = 1;
        ScheduleZone.TryParse(options.Value.DefaultTimeZone, out _, out var zone);
        if (words.Length > 2 && ScheduleZone.TryParse($"{words[1]} {words[2]}", out _, out var twoWords))
        {
            (zone, topicsFrom) = (twoWords, 3);
        }
        else if (words.Length > 1 && ScheduleZone.TryParse(words[1], out _, out var oneWord))
        {
            (zone, topicsFrom) = (oneWord, 2);
        }
        else if (words.Length > 1 && catalog.Find(words[1]) is null && LooksLikeZone(words[1]))
        {
            var typed = TelegramHtml.Escape(TextTruncation.Truncate(words[1], 64));
            problem = $"{turn.Text("Zone_Unknown", typed)}\n{turn.Text("Zone_Ask")}";
            return null;
        }

        var (topics, unknown) = TopicList.Parse(catalog, string.Join(' ', words[topicsFrom..]));
        if (unknown.Count > 0)
        {
            problem = turn.Text("Subscribe_UnknownTopics", TelegramHtml.Escape(string.Join(", ", unknown)));
            return null;
        }

        return new Request(time, zone, topics);
    }

    // Neither a zone nor a topic: read as a mistyped zone only when it has a zone's shape, else as an unknown topic.
    private static bool LooksLikeZone(string word) =>
        word.Contains('/')
        || word[0] is '+' or '-' or '−'
        || word.StartsWith("utc", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("gmt", StringComparison.OrdinalIgnoreCase);

    private sealed record Request(TimeOnly Time, string Zone, IReadOnlyList<string> Topics);
}
