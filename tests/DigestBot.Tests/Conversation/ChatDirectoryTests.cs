using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Conversation;

/// <summary>A chat's settings on a real SQLite store when several of its updates are handled at the same moment.</summary>
public sealed class ChatDirectoryTests
{
    [Fact]
    public async Task First_updates_of_a_chat_handled_at_once_keep_one_row_and_every_change()
    {
        await using var host = await TestHost.StartAsync();
        var directory = host.Get<ChatDirectory>();
        var chats = Enumerable.Range(1, 20).Select(i => new Chat { Id = 5_000 + i, Type = ChatType.Private, FirstName = $"Reader {i}" }).ToList();

        // Each new chat gets a language and "all languages" from two updates racing to create its settings.
        using var start = new ManualResetEventSlim();
        var work = chats.SelectMany(chat => new Func<Task>[]
        {
            () => directory.SetLanguageAsync(chat, Language.Kk, CancellationToken.None),
            () => directory.SetAllLanguagesAsync(chat, true, CancellationToken.None),
            () => directory.RememberAsync(chat, CancellationToken.None),
        }).Select(change => Task.Factory.StartNew(
            () =>
            {
                // A thread each, so that the changes truly meet at the store rather than queue for the pool.
                start.Wait();
                change().GetAwaiter().GetResult();
            },
            TaskCreationOptions.LongRunning)).ToList();
        start.Set();
        await Task.WhenAll(work);

        await using var db = host.Db();
        var stored = await db.Chats.AsNoTracking().Where(c => c.ChatId > 5_000 && c.ChatId <= 5_020).ToListAsync();
        stored.Should().HaveCount(20);
        stored.Should().OnlyContain(c => c.Language == Language.Kk && c.AllLanguages && c.Kind == "private");
    }
}
