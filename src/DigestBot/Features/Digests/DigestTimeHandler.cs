using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Core.Schedules;

namespace DigestBot.Features.Digests;

/// <summary>/time HH:MM and /timezone &lt;zone&gt;: when a chat's digest comes.</summary>
public sealed class DigestTimeHandler(SubscriptionStore subscriptions) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Command == "time")
        {
            if (!DigestTime.TryParse(turn.Arguments, out var time))
            {
                await turn.ReplyAsync(turn.Text("Time_Ask"), cancellationToken);
                return;
            }

            var changed = await subscriptions.UpdateAsync(turn.ChatId, s => s.Time = time, cancellationToken);
            await turn.ReplyAsync(changed is null ? turn.Text("NotSubscribed") : turn.Text("Time_Set", DigestTime.Format(time), TelegramHtml.Escape(changed.TimeZone)), cancellationToken);
            return;
        }

        if (turn.Arguments.Length == 0)
        {
            await turn.ReplyAsync(turn.Text("Zone_Ask"), cancellationToken);
            return;
        }

        if (!ScheduleZone.TryParse(turn.Arguments, out _, out var zoneId))
        {
            var typed = TelegramHtml.Escape(TextTruncation.Truncate(turn.Arguments, 64));
            await turn.ReplyAsync($"{turn.Text("Zone_Unknown", typed)}\n{turn.Text("Zone_Ask")}", cancellationToken);
            return;
        }

        var updated = await subscriptions.UpdateAsync(turn.ChatId, s => s.TimeZone = zoneId, cancellationToken);
        await turn.ReplyAsync(updated is null ? turn.Text("NotSubscribed") : turn.Text("Zone_Set", DigestTime.Format(updated.Time), TelegramHtml.Escape(zoneId)), cancellationToken);
    }
}
