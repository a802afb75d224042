using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Core.Schedules;
using DigestBot.Core.Topics;
using DigestBot.Features.Digests;
using DigestBot.Features.Languages;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Settings;

/// <summary>/settings: language, digest time, zone, topics and filters in one message, with buttons to change them.</summary>
public sealed class SettingsHandler(SubscriptionStore subscriptions, TopicCatalog catalog) : IChatHandler
{
    public const string Action = "set";

    private static readonly string[] Times = ["07:00", "08:00", "09:00", "12:00", "18:00", "21:00"];

    // The zones most readers live in, named the way each language names them.
    private static readonly (string Id, string Ru, string Kk, string En)[] Zones =
    [
        ("Asia/Almaty", "Алматы", "Алматы", "Almaty"),
        ("Asia/Aqtobe", "Актобе", "Ақтөбе", "Aqtobe"),
        ("Europe/Moscow", "Москва", "Мәскеу", "Moscow"),
        ("Europe/London", "Лондон", "Лондон", "London"),
        ("UTC", "UTC", "UTC", "UTC"),
    ];

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Callback is { } callback)
        {
            if (!await ApplyAsync(turn, callback, cancellationToken))
            {
                await turn.RefuseStalePressAsync(cancellationToken);
                return;
            }

            await turn.TakePressAsync(removeButtons: true, cancellationToken);
        }

        var subscription = await subscriptions.FindAsync(turn.ChatId, cancellationToken);
        await turn.ReplyAsync(Render(turn, subscription), cancellationToken);
    }

    private async Task<bool> ApplyAsync(ChatTurn turn, CallbackData callback, CancellationToken cancellationToken)
    {
        switch (callback.Arguments)
        {
            case ["time", var text] when DigestTime.TryParse(text, out var time):
                return await subscriptions.UpdateAsync(turn.ChatId, s => s.Time = time, cancellationToken) is not null;
            case ["tz", var zone] when Zones.Any(z => z.Id == zone):
                return await subscriptions.UpdateAsync(turn.ChatId, s => s.TimeZone = zone, cancellationToken) is not null;
            case ["sub"] when turn.Chat.Type == ChatType.Private:
                await subscriptions.SubscribeAsync(turn.Chat, [], managedBy: null, cancellationToken);
                return true;
            case ["unsub"]:
                await subscriptions.UnsubscribeAsync(turn.ChatId, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private OutgoingMessage Render(ChatTurn turn, Subscription? subscription)
    {
        var none = turn.Text("Settings_None");
        var text = turn.Text(
            "Settings_Text",
            turn.Text("LanguageName"),
            turn.Text(turn.AllLanguages ? "Button_AllLanguages" : "Button_MyLanguageOnly"),
            subscription is null ? turn.Text("Settings_DigestOff") : turn.Text("Settings_DigestAt", DigestTime.Format(subscription.Time), TelegramHtml.Escape(subscription.TimeZone)),
            subscription is null ? none : TopicList.Describe(turn, catalog, subscription.TopicIds),
            subscription is { Filters.Length: > 0 } ? TelegramHtml.Escape(subscription.Filters) : none);

        var rows = new List<IReadOnlyList<Button>>(LanguagePicker.Rows(turn, turn.AllLanguages));
        if (subscription is null)
        {
            if (turn.Chat.Type == ChatType.Private)
            {
                rows.Add([new Button(turn.Text("Button_Subscribe"), CallbackData.Build(Action, "sub"))]);
            }

            return new OutgoingMessage(text, rows);
        }

        var current = DigestTime.Format(subscription.Time);
        rows.Add([.. Times.Take(3).Select(t => TimeButton(t, current))]);
        rows.Add([.. Times.Skip(3).Select(t => TimeButton(t, current))]);
        rows.Add([.. Zones.Select(z => new Button(ButtonReplies.Tick(z.Id == subscription.TimeZone) + ZoneName(z, turn.Language), CallbackData.Build(Action, "tz", z.Id)))]);
        rows.Add([new Button(turn.Text("Button_Unsubscribe"), CallbackData.Build(Action, "unsub"))]);
        return new OutgoingMessage(text, rows);
    }

    private static Button TimeButton(string time, string current) =>
        new(ButtonReplies.Tick(time == current) + time, CallbackData.Build(Action, "time", time));

    private static string ZoneName((string Id, string Ru, string Kk, string En) zone, Language language) => language switch
    {
        Language.Ru => zone.Ru,
        Language.Kk => zone.Kk,
        _ => zone.En,
    };
}
