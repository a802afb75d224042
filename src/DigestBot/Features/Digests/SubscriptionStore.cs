using System.Globalization;
using DigestBot.Conversation;
using DigestBot.Core.Schedules;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Features.Digests;

/// <summary>Reads and changes chats' digest subscriptions.</summary>
public sealed class SubscriptionStore(
    IDbContextFactory<DigestDbContext> dbFactory,
    ChatDirectory chats,
    IOptions<DigestOptions> options,
    TimeProvider time,
    IEnumerable<ISubscriptionsChangedHandler> changeHandlers)
{
    public async Task<Subscription?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.ChatId == chatId, cancellationToken);
    }

    /// <summary>Starts (or restarts) a chat's digest; an existing one keeps its time and zone and takes the new topics.</summary>
    public Task<Subscription> SubscribeAsync(Chat chat, IReadOnlyList<string> topicIds, long? managedBy, CancellationToken cancellationToken) =>
        SaveAsync(chat, topicIds, managedBy, _ => { }, cancellationToken);

    /// <summary>Starts or changes a group's or channel's digest at <paramref name="time"/>, set up by the admin <paramref name="managedBy"/>.</summary>
    public Task<Subscription> ScheduleAsync(Chat chat, TimeOnly time, string timeZone, IReadOnlyList<string> topicIds, long managedBy, CancellationToken cancellationToken) =>
        SaveAsync(chat, topicIds, managedBy, s =>
        {
            s.Time = time;
            s.TimeZone = timeZone;
        }, cancellationToken);

    /// <summary>The digests of the chats <paramref name="userId"/> set up as an admin, by chat title.</summary>
    public async Task<IReadOnlyList<ManagedDigest>> ManagedByAsync(long userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Subscriptions.AsNoTracking()
            .Where(s => s.ManagedBy == userId)
            .Join(db.Chats.AsNoTracking(), s => s.ChatId, c => c.ChatId, (s, c) => new { Subscription = s, c.Title })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new ManagedDigest(r.Subscription, r.Title ?? r.Subscription.ChatId.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Title, StringComparer.InvariantCultureIgnoreCase)];
    }

    public async Task<bool> UnsubscribeAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.Subscriptions.Where(s => s.ChatId == chatId).ExecuteDeleteAsync(cancellationToken) > 0;
        if (removed)
        {
            await RaiseChangedAsync(cancellationToken);
        }

        return removed;
    }

    /// <summary>Stops a chat's digests until it subscribes again: the bot may no longer post there.</summary>
    public async Task PauseAsync(long chatId, CancellationToken cancellationToken) =>
        await UpdateAsync(chatId, s => s.Active = false, cancellationToken);

    /// <summary>Changes an existing subscription; null when the chat has none.</summary>
    public async Task<Subscription?> UpdateAsync(long chatId, Action<Subscription> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.ChatId == chatId, cancellationToken);
        if (subscription is null)
        {
            return null;
        }

        change(subscription);
        subscription.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await RaiseChangedAsync(cancellationToken);
        return subscription;
    }

    private async Task<Subscription> SaveAsync(Chat chat, IReadOnlyList<string> topicIds, long? managedBy, Action<Subscription> change, CancellationToken cancellationToken)
    {
        await chats.RememberAsync(chat, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.ChatId == chat.Id, cancellationToken);
        if (subscription is null)
        {
            DigestTime.TryParse(options.Value.DefaultTime, out var defaultTime);
            ScheduleZone.TryParse(options.Value.DefaultTimeZone, out _, out var zoneId);
            subscription = new Subscription { ChatId = chat.Id, Time = defaultTime, TimeZone = zoneId, CreatedAt = now };
            db.Subscriptions.Add(subscription);
        }

        subscription.Topics = string.Join(' ', topicIds);
        subscription.Active = true;
        subscription.ManagedBy = managedBy;
        subscription.UpdatedAt = now;
        change(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseChangedAsync(cancellationToken);
        return subscription;
    }

    private async Task RaiseChangedAsync(CancellationToken cancellationToken)
    {
        foreach (var handler in changeHandlers)
        {
            await handler.OnSubscriptionsChangedAsync(cancellationToken);
        }
    }
}
