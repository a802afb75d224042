using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Conversation;

/// <summary>Reads and keeps each chat's settings.</summary>
public sealed class ChatDirectory(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time)
{
    public async Task<ChatSettings?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.ChatId == chatId, cancellationToken);
    }

    public Task SetLanguageAsync(Chat chat, Language language, CancellationToken cancellationToken) =>
        UpdateAsync(chat, settings => settings.Language = language, cancellationToken);

    public Task SetAllLanguagesAsync(Chat chat, bool allLanguages, CancellationToken cancellationToken) =>
        UpdateAsync(chat, settings => settings.AllLanguages = allLanguages, cancellationToken);

    /// <summary>Keeps <paramref name="language"/> as the chat's unless it chose one: a scheduled digest has no reader to ask.</summary>
    public Task KeepLanguageAsync(Chat chat, Language language, CancellationToken cancellationToken) =>
        UpdateAsync(chat, settings => settings.Language ??= language, cancellationToken);

    /// <summary>Records a chat the bot talks to, so that its settings and digests have a home.</summary>
    public Task RememberAsync(Chat chat, CancellationToken cancellationToken) =>
        UpdateAsync(chat, _ => { }, cancellationToken);

    /// <summary>
    /// Moves a group that became a supergroup to its new id with what it chose: its settings and its subscription. What
    /// the new chat already has of its own is kept.
    /// </summary>
    public async Task MoveAsync(long from, long to, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.ChatId == from, cancellationToken) is { } old
            && !await db.Chats.AnyAsync(c => c.ChatId == to, cancellationToken))
        {
            db.Chats.Add(new ChatSettings
            {
                ChatId = to,
                Kind = KindOf(ChatType.Supergroup),
                Title = old.Title,
                Language = old.Language,
                AllLanguages = old.AllLanguages,
                CreatedAt = old.CreatedAt,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var subscriptions = db.Subscriptions.Where(s => s.ChatId == from);
        if (await db.Subscriptions.AnyAsync(s => s.ChatId == to, cancellationToken))
        {
            await subscriptions.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            await subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ChatId, to).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        }

        await db.Chats.Where(c => c.ChatId == from).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task UpdateAsync(Chat chat, Action<ChatSettings> change, CancellationToken cancellationToken)
    {
        try
        {
            await TryUpdateAsync(chat, change, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another update of the same new chat stored its settings first; the row is there now, so change that.
            await TryUpdateAsync(chat, change, cancellationToken);
        }
    }

    private async Task TryUpdateAsync(Chat chat, Action<ChatSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var settings = await db.Chats.SingleOrDefaultAsync(c => c.ChatId == chat.Id, cancellationToken);
        if (settings is null)
        {
            settings = new ChatSettings { ChatId = chat.Id, Kind = KindOf(chat.Type), CreatedAt = now };
            db.Chats.Add(settings);
        }

        settings.Kind = KindOf(chat.Type);
        settings.Title = chat.Title ?? chat.Username ?? chat.FirstName;
        settings.UpdatedAt = now;
        change(settings);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string KindOf(ChatType type) => type switch
    {
        ChatType.Private => "private",
        ChatType.Group => "group",
        ChatType.Supergroup => "supergroup",
        ChatType.Channel => "channel",
        _ => "unknown",
    };
}
