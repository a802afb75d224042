using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Core.Articles;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Localization;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DigestBot.Tests.Fuzzing;

/// <summary>Generated hostile updates through the running bot as Telegram delivers them: raw getUpdates JSON read by the
/// real client, the poller, dispatcher and handlers on SQLite with the seeds, every reply sent over HTTP to the fake Bot API.</summary>
[Trait("Category", "Slow")]
public sealed partial class UpdateFuzzTests(ITestOutputHelper output)
{
    private const int Count = 10_000;

    /// <summary>Fixed, so that a failure can be replayed; DIGESTBOT_FUZZ_SEED tries another.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("DIGESTBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20260301;

    [Fact]
    public async Task Ten_thousand_hostile_updates_get_valid_answers_and_leave_the_bot_answering()
    {
        var generator = new UpdateGenerator(Seed);
        var generated = new List<GeneratedUpdate>(Count);
        await using var bot = await PollingBot.StartAsync(logLevel: LogLevel.Warning);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            bot.Updates.Add(id =>
            {
                var update = generator.Next(id);
                generated.Add(update);
                return update.Json;
            });
        }

        const long ReaderChat = 9_000_000_001;
        var latest = bot.Updates.Add(id => BotJson.Message((int)id, ReaderChat, "/latest").ToJsonString() is var message
            ? $"{{\"update_id\":{id},\"message\":{message}}}"
            : "");
        try
        {
            await bot.Updates.WaitUntilConfirmedAsync(latest, TimeSpan.FromSeconds(30), bot.Running);
        }
        finally
        {
            foreach (var line in bot.Logs.Lines.Where(line => !line.Contains("skipped: unable to read it", StringComparison.Ordinal)).Take(20))
            {
                output.WriteLine(Shorten(line));
            }
        }

        output.WriteLine($"fuzz seed {Seed}: {Count:N0} updates handled in {clock.Elapsed.TotalSeconds:F1} s; " +
            string.Join(", ", generated.GroupBy(u => u.Kind).Select(g => $"{g.Key} {g.Count()}")));

        var failing = $"(fuzz seed {Seed}; DIGESTBOT_FUZZ_SEED={Seed} replays it)";
        bot.Running.IsCompleted.Should().BeFalse($"the bot keeps running {failing}");
        bot.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))
            .Should().BeEmpty($"no update makes a handler fail {failing}");

        var skipped = bot.Logs.Lines.Select(line => Skipped().Match(line)).Where(match => match.Success)
            .Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        skipped.Should().NotBeEmpty("some updates are broken on purpose");
        generated.Where(update => update.WellFormed && skipped.Contains(update.UpdateId)).Select(update => update.Json)
            .Should().BeEmpty($"every well-formed update is read, whatever it says {failing}");

        var sent = bot.Api.RequestsFor("sendMessage");
        sent.Should().HaveCountGreaterThan(Count / 4, "most updates are answered");
        foreach (var request in sent)
        {
            var text = request.Body["text"]!.GetValue<string>();
            var (valid, error) = TelegramHtmlValidator.Validate(text);
            valid.Should().BeTrue($"every message is valid Telegram HTML, but {error}: {Shorten(text)} {failing}");
            text.Length.Should().BeInRange(1, TelegramHtml.MaxMessageLength, $"{Shorten(text)} {failing}");
            request.Body["parse_mode"]!.GetValue<string>().Should().BeEquivalentTo("HTML", "Telegram reads the parse mode in any case");
            foreach (var data in CallbackDataOf(request))
            {
                Encoding.UTF8.GetByteCount(data).Should().BeLessThanOrEqualTo(CallbackData.MaxBytes, $"{data} {failing}");
            }
        }

        var texts = bot.Services.GetRequiredService<Texts>();
        var slowDown = LanguageCodes.All.Select(language => texts.Get(language, "Flood_SlowDown")).ToList();
        sent.Where(request => request.Body["chat_id"]!.GetValue<long>() == UpdateGenerator.HotChat)
            .Count(request => slowDown.Contains(request.Body["text"]!.GetValue<string>()))
            .Should().BeGreaterThanOrEqualTo(1, $"the hot chat ran into the flood limit and was told once a minute {failing}");

        var answers = bot.Api.RequestsFor("answerCallbackQuery");
        output.WriteLine($"{skipped.Count:N0} updates skipped as unreadable, {sent.Count:N0} messages sent, {answers.Count:N0} presses answered");
        var answered = answers.Select(a => a.Body["callback_query_id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var presses = generated.Where(u => u.CallbackQueryId is not null).ToList();
        presses.Should().HaveCountGreaterThan(Count / 10);
        presses.Where(p => !answered.Contains(AsRead(p.CallbackQueryId!))).Select(p => p.Json)
            .Should().BeEmpty($"every button press is answered {failing}");
        answers.Select(a => a.Body["text"]?.GetValue<string>() ?? "").Should().OnlyContain(notice => notice.Length <= 200, failing);

        var reply = sent.Last(request => request.Body["chat_id"]!.GetValue<long>() == ReaderChat).Body["text"]!.GetValue<string>();
        var position = 0;
        foreach (var title in await NewestTitlesAsync(bot, 5))
        {
            var at = reply.IndexOf(TelegramHtml.Escape(TextTruncation.Truncate(title, 200)), position, StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, $"/latest still lists the newest articles in order, but not «{title}» in {reply} {failing}");
            position = at;
        }
    }

    private static async Task<List<string>> NewestTitlesAsync(PollingBot bot, int count)
    {
        await using var db = bot.Services.GetRequiredService<DigestDbContextFactory>().CreateDbContext();
        return await db.Articles.OrderByDescending(a => a.PublishedAt ?? a.ImportedAt).ThenByDescending(a => a.Id)
            .Take(count).Select(a => a.Title).ToListAsync();
    }

    private static IEnumerable<string> CallbackDataOf(ReceivedRequest request) =>
        request.Body["reply_markup"]?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(button => button!["callback_data"]?.GetValue<string>())
            .OfType<string>() ?? [];

    [GeneratedRegex(@"update (\d+) skipped: unable to read it")]
    private static partial Regex Skipped();

    /// <summary>A string as the bot reads it: a lone surrogate, which no .NET string from JSON may hold, becomes U+FFFD.</summary>
    private static string AsRead(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
