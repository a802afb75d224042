using System.Diagnostics;
using System.Net;
using System.Text;
using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Importing;
using DigestBot.Storage;
using DigestBot.Telegram;
using DigestBot.TelegramHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Benchmarks.Conversation;

/// <summary>Drives generated updates through the dispatcher and handlers on the seed store; replies go through
/// the real Bot API client to an in-process fake transport. Prints updates/s and latency percentiles.</summary>
public static class UpdatesBench
{
    private static readonly string[] Commands =
    [
        "/latest", "/latest 10", "/help", "/start", "/topic", "/topic политика", "/topic қоғам", "/search Ассамблея",
        "/search Тоқаев", "/search \"народа Казахстана\" -Алматы", "/search диплом*", "/search несуществующее", "hello", "/weather",
    ];

    /// <param name="concurrency">Updates handled at once, as many chats writing at the same moment would be.</param>
    public static async Task<int> RunAsync(int count, int concurrency = 1)
    {
        var work = Path.Combine(Path.GetTempPath(), "digestbot-bench-updates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            using var host = AppHost.CreateBuilder(Path.Combine(work, "bench.db"), quiet: true, new Dictionary<string, string?>
            {
                ["Topics:CatalogPath"] = Path.Combine(Paths.Seeds, "topics.json"),

                // 500 readers sending thousands of commands a second would be held back; this bench measures answering them.
                ["Flood:CommandsPerMinute"] = "0",
            }).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await host.Services.GetRequiredService<ArticleImporter>().ImportAsync([Paths.Seeds], CancellationToken.None);
            var dispatcher = host.Services.GetRequiredService<Dispatcher>();

            using var http = new HttpClient(new FakeTransport()) { BaseAddress = new Uri("http://fake.invalid/") };
            // Limits far above the dispatcher's pace: this bench measures handling, the delivery bench measures sending.
            using var limiter = new SendRateLimiter(new RateLimitOptions { GlobalPerSecond = 1_000_000, PerChatPerSecond = 1_000_000 }, TimeProvider.System);
            var client = new PolicyBotClient(http, Microsoft.Extensions.Options.Options.Create(new BotClientOptions
            {
                Token = "123456:BENCH-token",
                ApiBaseUrl = new Uri("http://fake.invalid/"),
            }), limiter, TimeProvider.System, host.Services.GetRequiredService<TelegramMetrics>(), NullLogger<PolicyBotClient>.Instance);
            var replies = new TelegramReplies(client, NullLogger<TelegramReplies>.Instance);

            var updates = Generate(count).ToArray();
            foreach (var update in updates.Take(200))
            {
                await dispatcher.DispatchAsync(update, replies, CancellationToken.None);
            }

            var latencies = new double[updates.Length];
            var total = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, updates.Length),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (i, _) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    await dispatcher.DispatchAsync(updates[i], replies, CancellationToken.None);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                });

            total.Stop();
            var byKind = updates.Select((u, i) => (Kind: KindOf(u), Latency: latencies[i])).GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            Array.Sort(latencies);
            Console.WriteLine(
                $"updates: {count:N0} mixed updates (commands in ru/kk/en, button presses, text) on the seed store, " +
                (concurrency == 1 ? "one at a time" : $"{concurrency} at a time"));
            Console.WriteLine($"  throughput : {count / total.Elapsed.TotalSeconds:N0} updates/s");
            Console.WriteLine($"  latency    : p50 {Percentile(latencies, 0.50):F2} ms, p95 {Percentile(latencies, 0.95):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms");
            foreach (var kind in byKind)
            {
                var sorted = kind.Select(x => x.Latency).Order().ToArray();
                Console.WriteLine($"    {kind.Key,-40} n={sorted.Length,5}  p50 {Percentile(sorted, 0.50),6:F2} ms  p95 {Percentile(sorted, 0.95),6:F2} ms");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string KindOf(Update update) =>
        update.CallbackQuery is { } press ? "button " + press.Data![..press.Data!.LastIndexOf(':')] : update.Message!.Text!;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static IEnumerable<Update> Generate(int count)
    {
        var random = new Random(7);
        string[] languages = ["ru", "kk", "en"];
        for (var i = 1; i <= count; i++)
        {
            var chat = new Chat { Id = 1000 + random.Next(500), Type = ChatType.Private, FirstName = "Reader" };
            var user = new User { Id = chat.Id, FirstName = "Reader", LanguageCode = languages[random.Next(3)] };
            if (random.Next(5) == 0)
            {
                var data = random.Next(3) switch
                {
                    0 => CallbackData.Build("latest", "1", "2"),
                    1 => CallbackData.Build("topic", "society", "0"),
                    _ => CallbackData.Build("lang", languages[random.Next(3)]),
                };
                yield return new Update
                {
                    Id = i,
                    CallbackQuery = new CallbackQuery
                    {
                        Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        From = user,
                        Data = data,
                        Message = new Message { Id = i, Chat = chat, Date = DateTime.UtcNow },
                    },
                };
                continue;
            }

            yield return new Update
            {
                Id = i,
                Message = new Message { Id = i, From = user, Chat = chat, Date = DateTime.UtcNow, Text = Commands[random.Next(Commands.Length)] },
            };
        }
    }

    /// <summary>Answers every Bot API call at once, in memory, the way Telegram would.</summary>
    private sealed class FakeTransport : HttpMessageHandler
    {
        private static readonly byte[] MessageAnswer = Encoding.UTF8.GetBytes(
            """{"ok":true,"result":{"message_id":1,"date":1700000000,"chat":{"id":1,"type":"private"}}}""");

        private static readonly byte[] TrueAnswer = Encoding.UTF8.GetBytes("""{"ok":true,"result":true}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.RequestUri!.AbsolutePath[(request.RequestUri.AbsolutePath.LastIndexOf('/') + 1)..];
            var body = method is "sendMessage" or "editMessageText" or "editMessageReplyMarkup" ? MessageAnswer : TrueAnswer;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }
}
