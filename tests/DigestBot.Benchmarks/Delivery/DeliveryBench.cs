using System.Diagnostics;
using System.Globalization;
using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Telegram;
using DigestBot.TelegramHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace DigestBot.Benchmarks.Delivery;

/// <summary>Delivers one digest to many private-chat subscribers through the real client and rate limiter, over HTTP,
/// to a local Bot API server that enforces Telegram's flood limits; both sides run at 100 times Telegram's limits.</summary>
public static class DeliveryBench
{
    private const int Scale = 100;
    private const int GlobalPerSecond = 30 * Scale;
    private const int PerChatPerSecond = 1 * Scale;
    private const int PerGroupPerMinute = 20 * Scale;
    private const int Senders = 64;
    private const int WarmUpSends = 500;
    private const long FirstSubscriber = 100_000_000;

    public static async Task<int> RunAsync(int subscribers)
    {
        await using var api = await FloodLimitedBotApi.StartAsync(GlobalPerSecond, PerChatPerSecond, PerGroupPerMinute);
        await using var services = BuildServices(api.BaseUrl);
        var replies = new TelegramReplies(services.GetRequiredService<ITelegramBotClient>(), NullLogger<TelegramReplies>.Instance);
        var digest = new OutgoingMessage(RenderDigest(), [[new Button("Ещё новости ›", CallbackData.Build("latest", "1", "7"))]]);
        var loadBefore = LoadAverage();

        // Warm-up on other chats, then a pause so that every window on both sides is empty again.
        await DeliverAsync(replies, digest, Enumerable.Range(1, WarmUpSends).Select(i => (long)i));
        var refusedInWarmUp = api.Refused;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await DeliverAsync(replies, digest, Enumerable.Range(0, subscribers).Select(i => FirstSubscriber + i));
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpuPerMessage = (process.TotalProcessorTime - cpuBefore) / subscribers;
        var floor = TimeSpan.FromSeconds((double)subscribers / GlobalPerSecond);
        var ratio = elapsed / floor;
        var refused = api.Refused - refusedInWarmUp;
        var peakWorkingSet = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        var managed = GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0);
        var met = ratio <= 1.10 && refused == 0 && peakWorkingSet < 200;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery: one {digest.Html.Length:N0}-char HTML digest of 7 articles to {subscribers:N0} private chats, {Senders} senders, over HTTP on loopback"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  limits      : {GlobalPerSecond:N0} messages/s overall, {PerChatPerSecond}/s per chat, {PerGroupPerMinute:N0}/min per group (Telegram's x{Scale}), on both sides"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total time  : {elapsed.TotalSeconds:F3} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  floor       : {floor.TotalSeconds:F3} s ({subscribers:N0} / {GlobalPerSecond:N0} per s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio       : {ratio:F3} (target <= 1.10)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  429 answers : {refused} (target 0; warm-up {refusedInWarmUp})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory      : peak working set {peakWorkingSet:F0} MB (target < 200), GC heap {managed:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cpu         : {cpuPerMessage.TotalMicroseconds:F0} us per message, client and server together ({cpuPerMessage * GlobalPerSecond / TimeSpan.FromSeconds(1):F2} cores at the limit)"));
        Console.WriteLine($"  load average: {loadBefore} before, {LoadAverage()} after");
        Console.WriteLine(met ? "  targets met" : "  targets NOT met");
        return met ? 0 : 1;
    }

    private static ServiceProvider BuildServices(Uri apiBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = "123456:BENCH-token",
            ["Telegram:ApiBaseUrl"] = apiBaseUrl.ToString(),
            ["Telegram:RateLimits:GlobalPerSecond"] = GlobalPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Telegram:RateLimits:PerChatPerSecond"] = PerChatPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Telegram:RateLimits:PerGroupPerMinute"] = PerGroupPerMinute.ToString(CultureInfo.InvariantCulture),
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddBotClient(BotClientOptions.SectionName)
            .BuildServiceProvider();
    }

    private static Task DeliverAsync(TelegramReplies replies, OutgoingMessage digest, IEnumerable<long> chats) =>
        Parallel.ForEachAsync(
            chats,
            new ParallelOptions { MaxDegreeOfParallelism = Senders },
            async (chat, cancellationToken) => await replies.SendAsync(chat, digest, cancellationToken));

    // A morning digest as subscribers get it: a heading, then seven cards of title link, age and source, summary.
    private static string RenderDigest()
    {
        var articles = new ArticleGenerator(Paths.Seeds, seed: 7);
        string[] sources = ["Kazinform", "Tengrinews", "Zakon.kz", "Kursiv", "Inbusiness.kz", "Astana Times", "Egemen"];
        var digest = new MessageBuilder().Bold("Дайджест за 1 января").Paragraph();
        for (var i = 0; i < 7; i++)
        {
            var sentences = articles.NextBody(kazakh: i % 3 == 2, words: 40).Split(". ", 2);
            var title = TextTruncation.Truncate(sentences[0], 90);
            var summary = TextTruncation.Truncate(sentences.Length > 1 ? sentences[1] : sentences[0], 220);
            digest.Bold(b => b.Link(title, $"https://example.kz/news/{i + 1}"))
                .Line()
                .Italic($"{i + 2} ч назад · {sources[i]}")
                .Line()
                .Text(summary);
            if (i < 6)
            {
                digest.Paragraph();
            }
        }

        return digest.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
