using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using DigestBot.Core.Feeds;
using DigestBot.Core.Importing;
using DigestBot.Core.Pages;
using DigestBot.Importing;
using DigestBot.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks.Sources;

/// <summary>Where a poll's time goes: the steps <see cref="SourcePoller"/> takes for each item, timed one after the other
/// on the first feeds, each step over all their items before the next, into a fresh store.</summary>
public static class SourcesStages
{
    public static async Task PrintAsync(GeneratedNewsSites sites, IServiceProvider services, int feedCount)
    {
        var fetcher = services.GetRequiredService<SourceFetcher>();
        var importer = services.GetRequiredService<ArticleImporter>();
        var feeds = new List<(string Url, Feed Feed)>();
        var fetched = new List<(FeedEntry Entry, FetchResult Page)>();
        var fetch = await TimeAsync(async () =>
        {
            for (var i = 0; i < feedCount; i++)
            {
                var feed = await fetcher.FetchAsync(new Uri(sites.FeedUrl(i)), null, null, CancellationToken.None);
                feeds.Add((sites.FeedUrl(i), FeedParser.Parse(feed.Text!, feed.Url, out _)!));
            }

            foreach (var entry in feeds.SelectMany(f => f.Feed.Entries))
            {
                fetched.Add((entry, await fetcher.FetchAsync(new Uri(entry.Link!), null, null, CancellationToken.None)));
            }
        });

        // The extractor's first step, timed alone: the rest of extract is chrome removal and SmartReader.
        var parse = await TimeAsync(() =>
        {
            foreach (var (_, page) in fetched)
            {
                new HtmlParser().ParseDocument(page.Text!).Dispose();
            }

            return Task.CompletedTask;
        });

        var pages = new PageArticle?[fetched.Count];
        var extract = await TimeAsync(() =>
        {
            for (var i = 0; i < fetched.Count; i++)
            {
                pages[i] = PageExtractor.Extract(fetched[i].Page.Text!, fetched[i].Page.Url);
            }

            return Task.CompletedTask;
        });

        var drafts = new List<SourcedDraft>();
        var build = await TimeAsync(() =>
        {
            for (var i = 0; i < fetched.Count; i++)
            {
                var entry = fetched[i].Entry;
                if (FeedItemArticles.Build(entry, pages[i], null, [], out _) is { } draft)
                {
                    drafts.Add(new SourcedDraft(FeedItemArticles.Key("stages", entry), draft, FeedItemArticles.EntryHash(entry)));
                }
            }

            return Task.CompletedTask;
        });

        var store = await TimeAsync(async () =>
        {
            foreach (var batch in drafts.Chunk(Math.Max(1, drafts.Count / Math.Max(1, feedCount))))
            {
                await importer.ImportItemsAsync("stages", batch, CancellationToken.None);
            }
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stages, one after the other over {fetched.Count:N0} items of {feedCount} feeds (ms per article, wall / cpu):"));
        Print("fetch (feed and page, both sides of HTTP)", fetch, fetched.Count);
        Print("extract (chrome, SmartReader, metadata)", extract, fetched.Count);
        Print("  of which parsing the HTML (AngleSharp)", parse, fetched.Count);
        Print("build (clean, date, language, hash)", build, fetched.Count);
        Print("store (summarize, tag, index, write)", store, fetched.Count);
    }

    private static void Print(string stage, (TimeSpan Wall, TimeSpan Cpu) time, int count) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {stage,-45}: {time.Wall.TotalMilliseconds / count,6:F2} / {time.Cpu.TotalMilliseconds / count,6:F2}"));

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(Func<Task> step)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await step();
        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return (wall, process.TotalProcessorTime - cpu);
    }
}
