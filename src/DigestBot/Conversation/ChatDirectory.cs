using System.Collections.Concurrent;
using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Conversation;

/// <summary>Reads and keeps each chat's settings.</summary>
/// <remarks>Every update reads its chat's settings and few change them, so what was read is kept in memory for
/// <see cref="KeptFor"/>: a change made here is seen at once, one made by another instance within that time.</remarks>
public sealed class ChatDirectory(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How long settings read are used without asking the database again.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<long, KeptSettings> kept = new();

    // SQLite takes one writer at a time and lets the others sleep in its busy handler, each holding a thread: changes
    // made here wait their turn here instead, without a thread each, and whoever's turn it is writes all the changes
    // waiting in one transaction, which costs about what one costs.
    private readonly SemaphoreSlim writing = new(1, 1);

    private readonly ConcurrentQueue<PendingChange> pending = new();

    // 1 while a writer is writing the pending changes.
    private int writer;

    // Moves on with every change made here, so that a read that raced a change does not keep what it read.
    private long changes;

    /// <summary>The chat's settings, or null for a chat that chose nothing yet. The same instance may be handed to
    /// several callers: treat it as read-only.</summary>
    public async Task<ChatSettings?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (kept.TryGetValue(chatId, out var entry) && time.GetElapsedTime(entry.ReadAt, now) < KeptFor)
        {
            return entry.Settings;
        }

        var before = Interlocked.Read(ref changes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.ChatId == chatId, cancellationToken);
        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        kept[chatId] = new KeptSettings(settings, now);
        if (Interlocked.Read(ref changes) != before)
        {
            // A change was made while this was read: what was read may predate it.
            kept.TryRemove(chatId, out _);
        }

        return settings;
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
        await writing.WaitAsync(cancellationToken);
        try
        {
            await MoveCoreAsync(from, to, cancellationToken);
        }
        finally
        {
            Forget(from);
            Forget(to);
            writing.Release();
        }
    }

    private async Task MoveCoreAsync(long from, long to, CancellationToken cancellationToken)
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
        var mine = new PendingChange(chat, change);
        pending.Enqueue(mine);
        if (Interlocked.CompareExchange(ref writer, 1, 0) == 0)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        await mine.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes what is waiting until nothing is, so that changes arriving meanwhile need no turn handed on, then steps
    /// down; it checks again after, for a change that came just then. Never fails: each requester learns how its change went.
    /// </summary>
    private async Task WriteAllAsync()
    {
        while (true)
        {
            await writing.WaitAsync(CancellationToken.None);
            try
            {
                while (!pending.IsEmpty)
                {
                    await WritePendingAsync();
                }
            }
            finally
            {
                writing.Release();
            }

            Interlocked.Exchange(ref writer, 0);
            if (pending.IsEmpty || Interlocked.CompareExchange(ref writer, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Writes every change waiting, in the order they came, and tells each requester how it went.</summary>
    /// <remarks>Not cancelled by one requester: the others wait for their changes too.</remarks>
    private async Task WritePendingAsync()
    {
        var batch = new List<PendingChange>();
        while (pending.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            Finish(batch, await TryWriteAsync(batch));
        }
        catch (DbUpdateException) when (batch.Count > 0)
        {
            // Another instance stored one of these new chats first; the row is there now, so each change is made alone.
            foreach (var one in batch)
            {
                try
                {
                    Finish([one], await TryWriteAsync([one]));
                }
                catch (Exception ex)
                {
                    Fail([one], ex);
                }
            }
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
        }
    }

    private void Finish(List<PendingChange> batch, IReadOnlySet<long> changed)
    {
        foreach (var chatId in changed)
        {
            Forget(chatId);
        }

        batch.ForEach(change => change.Done.TrySetResult());
    }

    private void Fail(List<PendingChange> batch, Exception exception)
    {
        foreach (var change in batch)
        {
            Forget(change.Chat.Id);
            change.Done.TrySetException(exception);
        }
    }

    private void Forget(long chatId)
    {
        Interlocked.Increment(ref changes);
        kept.TryRemove(chatId, out _);
    }

    /// <returns>The chats whose settings changed; one whose settings were already so (a /start, a language chosen
    /// again) is not written.</returns>
    private async Task<IReadOnlySet<long>> TryWriteAsync(List<PendingChange> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        var ids = batch.Select(change => change.Chat.Id).Distinct().ToList();
        var rows = await db.Chats.Where(c => ids.Contains(c.ChatId)).ToDictionaryAsync(c => c.ChatId, CancellationToken.None);
        foreach (var (chat, change) in batch)
        {
            if (!rows.TryGetValue(chat.Id, out var settings))
            {
                settings = new ChatSettings { ChatId = chat.Id, Kind = KindOf(chat.Type), CreatedAt = now };
                db.Chats.Add(settings);
                rows[chat.Id] = settings;
            }

            settings.Kind = KindOf(chat.Type);
            settings.Title = chat.Title ?? chat.Username ?? chat.FirstName;
            change(settings);
        }

        var changed = db.ChangeTracker.Entries<ChatSettings>().Where(e => e.State != EntityState.Unchanged).Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return new HashSet<long>();
        }

        changed.ForEach(settings => settings.UpdatedAt = now);
        await db.SaveChangesAsync(CancellationToken.None);
        return changed.Select(settings => settings.ChatId).ToHashSet();
    }

    private sealed record PendingChange(Chat Chat, Action<ChatSettings> Change)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record KeptSettings(ChatSettings? Settings, long ReadAt);

    private static string KindOf(ChatType type) => type switch
    {
        ChatType.Private => "private",
        ChatType.Group => "group",
        ChatType.Supergroup => "supergroup",
        ChatType.Channel => "channel",
        _ => "unknown",
    };
}
