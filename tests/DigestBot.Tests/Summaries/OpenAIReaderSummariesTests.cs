using DigestBot.Core.Articles;
using DigestBot.Core.Importing;
using DigestBot.Storage;
using DigestBot.Summaries;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Summaries;

/// <summary>The OpenAI provider against an OpenAI-compatible server started by the test, on a real SQLite file.</summary>
public sealed class OpenAIReaderSummariesTests : IAsyncLifetime
{
    private const string Model = "test-model";
    private const string ApiKey = "sk-test-secret-key-0123456789";
    private const string KazakhTitle = "Шымкентте халықаралық конференция өтті";
    private const string KazakhSummary = "Шымкентте Қазақстан халқы Ассамблеясының рөліне арналған халықаралық ғылыми-практикалық конференция өтті.";

    private static readonly string Body = string.Join("\n\n",
        "В Шымкенте в университете имени Жумабека Ташенова прошла международная научно-практическая конференция.",
        "Ее посвятили роли Ассамблеи народа Казахстана в укреплении дружбы между странами Центральной Азии.",
        "В работе конференции приняли участие ученые из Узбекистана, Кыргызстана и Таджикистана.");

    private readonly LogRecorder logs = new();

    // The timeout runs on this clock, which moves only when a test moves it: a slow machine never makes an answer late.
    private readonly TestClock clock = new(autoAdvance: false);
    private FakeOpenAI server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAI.StartAsync();
        host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Writes_title_and_summary_in_the_readers_language_and_names_it_in_the_request()
    {
        var article = await AddArticleAsync(Body);
        server.Enqueue(ChatCompletions.Summary(KazakhTitle, KazakhSummary));

        var summary = await Summaries().GetAsync(article, Language.Kk, CancellationToken.None);

        summary.Should().Be(new ReaderSummary(KazakhTitle, KazakhSummary, Language.Kk, $"openai:{Model}"));
        var request = server.Requests.Should().ContainSingle().Subject;
        request["model"]!.GetValue<string>().Should().Be(Model);
        request["response_format"]!["type"]!.GetValue<string>().Should().Be("json_object");
        var messages = request["messages"]!.AsArray();
        messages[0]!["content"]!.GetValue<string>().Should().Contain("Kazakh (қазақ тілі)").And.Contain("\"title\"").And.Contain("\"summary\"");
        messages[1]!["content"]!.GetValue<string>().Should().Contain("Russian (русский язык)").And.Contain(article.Title).And.Contain(Body);
    }

    [Fact]
    public async Task Sends_a_long_body_cut_at_a_sentence_boundary_within_the_input_cap()
    {
        await host.DisposeAsync();
        host = await StartHostAsync(new() { ["Summaries:OpenAI:MaxInputChars"] = "500" });
        var sentences = Enumerable.Range(1, 40).Select(i => $"Предложение номер {i} рассказывает о строительстве новой школы в городе Шымкенте.");
        var article = await AddArticleAsync(string.Join(' ', sentences));
        server.Enqueue(ChatCompletions.Summary(KazakhTitle, KazakhSummary));

        await Summaries().GetAsync(article, Language.Kk, CancellationToken.None);

        var sent = server.Requests.Single()["messages"]![1]!["content"]!.GetValue<string>();
        var body = sent[(sent.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        body.Length.Should().BeLessThanOrEqualTo(500).And.BeGreaterThan(400);
        body.Should().StartWith("Предложение номер 1 ").And.EndWith("Шымкенте.");
        body.Should().NotContain("номер 40 ");
    }

    [Fact]
    public async Task Makes_no_call_when_the_reader_reads_the_articles_language()
    {
        var article = await AddArticleAsync(Body);

        var summary = await Summaries().GetAsync(article, Language.Ru, CancellationToken.None);

        summary.Should().Be(StoredSummaries.FromArticle(article));
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Asks_once_per_article_and_language_and_again_after_the_article_is_edited()
    {
        var article = await AddArticleAsync(Body);
        server.Enqueue(
            ChatCompletions.Summary(KazakhTitle, KazakhSummary),
            ChatCompletions.Summary("Шымкентте конференция аяқталды", "Шымкенттегі конференцияға Өзбекстан мен Қырғызстан ғалымдары қатысты."));

        var first = await Summaries().GetAsync(article, Language.Kk, CancellationToken.None);
        var again = await Summaries().GetAsync(article, Language.Kk, CancellationToken.None);
        server.Requests.Should().HaveCount(1);
        again.Should().Be(first);

        await using (var db = host.Db())
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.Body = Body + "\n\nКонференция продлится два дня.";
            stored.ContentHash = ArticleDraft.ComputeContentHash(stored.Body);
            await db.SaveChangesAsync();
            article = stored;
        }

        var edited = await Summaries().GetAsync(article, Language.Kk, CancellationToken.None);

        server.Requests.Should().HaveCount(2);
        edited.Summary.Should().Be("Шымкенттегі конференцияға Өзбекстан мен Қырғызстан ғалымдары қатысты.");
        await using var check = host.Db();
        (await check.TranslatedSummaries.SingleAsync()).ContentHash.Should().Be(article.ContentHash);
    }

    [Theory]
    [InlineData("timeout", "no answer within 1 s")]
    [InlineData("500", "the server answered HTTP 500")]
    [InlineData("not JSON", "the answer is not JSON")]
    [InlineData("empty", "empty answer")]
    [InlineData("oversized", "oversized summary")]
    [InlineData("wrong language", "the answer is in ru, not kk")]
    [InlineData("refusal", "refused by the content filter")]
    public async Task Falls_back_to_the_stored_summary_and_says_why(string failure, string reason)
    {
        var article = await AddArticleAsync(Body);
        server.Enqueue(failure switch
        {
            "timeout" => FakeAnswer.Hang(),
            "500" => ChatCompletions.Error(500, "The server had an error while processing your request."),
            "not JSON" => ChatCompletions.Message("Конечно! Вот краткое содержание статьи на казахском языке."),
            "empty" => ChatCompletions.Message(""),
            "oversized" => ChatCompletions.Summary(KazakhTitle, string.Concat(Enumerable.Repeat(KazakhSummary + " ", 10))),
            "wrong language" => ChatCompletions.Summary("В Шымкенте прошла конференция", "В Шымкенте прошла международная конференция о роли Ассамблеи народа Казахстана."),
            _ => ChatCompletions.Message("Мен бұл сұраққа жауап бере алмаймын.", finishReason: "content_filter"),
        });

        var answer = Summaries().GetAsync(article, Language.Kk, CancellationToken.None);
        if (failure == "timeout")
        {
            // The server holds the request; the reader's wait is over once the clock passes Summaries:OpenAI:Timeout.
            await WaitUntilAsync(() => server.Requests.Count == 1);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var summary = await answer;

        summary.Should().Be(new ReaderSummary(article.Title, article.Summary!, Language.Ru, "extractive"));
        var warning = logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        warning.Should().Contain($"summaries: unable to translate article {article.Id} to kk: {reason}");
        logs.Lines.Should().NotContain(line => line.Contains(ApiKey, StringComparison.Ordinal));
        await using var db = host.Db();
        (await db.TranslatedSummaries.CountAsync()).Should().Be(0);
    }

    [Fact]
    public void The_provider_setting_chooses_the_implementation()
    {
        host.Get<IReaderSummaries>().Should().BeOfType<OpenAIReaderSummaries>();
        using var extractive = AppHost.CreateBuilder(host.Folder.File("other.db"), quiet: true).Build();
        extractive.Services.GetRequiredService<IReaderSummaries>().Should().BeOfType<StoredSummaries>();
    }

    [Theory]
    [InlineData("Summaries:Provider", "Bogus", "Summaries:Provider (env Summaries__Provider) must be Extractive or OpenAI, not 'Bogus'.")]
    [InlineData("Summaries:OpenAI:Model", "", "Summaries:OpenAI:Model (env Summaries__OpenAI__Model)")]
    [InlineData("Summaries:OpenAI:BaseUrl", "localhost:11434", "Summaries:OpenAI:BaseUrl (env Summaries__OpenAI__BaseUrl)")]
    [InlineData("Summaries:OpenAI:Timeout", "00:00:00", "Summaries:OpenAI:Timeout (env Summaries__OpenAI__Timeout)")]
    [InlineData("Summaries:OpenAI:MaxConcurrency", "0", "Summaries:OpenAI:MaxConcurrency (env Summaries__OpenAI__MaxConcurrency)")]
    public void A_bad_setting_stops_the_start_with_its_name(string setting, string value, string message)
    {
        var settings = Settings();
        settings[setting] = value;
        using var app = AppHost.CreateBuilder(host.Folder.File("other.db"), quiet: true, settings).Build();

        var start = () => app.Services.GetRequiredService<IReaderSummaries>();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain(message);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Summaries:Provider"] = "OpenAI",
        ["Summaries:OpenAI:BaseUrl"] = server.BaseUrl,
        ["Summaries:OpenAI:ApiKey"] = ApiKey,
        ["Summaries:OpenAI:Model"] = Model,
        ["Summaries:OpenAI:Timeout"] = "00:00:01",
    };

    private Task<TestHost> StartHostAsync(Dictionary<string, string?>? overrides = null)
    {
        var settings = Settings();
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return TestHost.StartAsync(settings, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the fake server should have received the request by now");
            await Task.Delay(10);
        }
    }

    private IReaderSummaries Summaries() => host.Get<IReaderSummaries>();

    private async Task<Article> AddArticleAsync(string body)
    {
        var now = DateTimeOffset.UtcNow;
        var article = new Article
        {
            Title = "В Шымкенте прошла международная конференция",
            Body = body,
            Language = Language.Ru,
            ContentHash = ArticleDraft.ComputeContentHash(body),
            Summary = "В Шымкенте прошла международная научно-практическая конференция.",
            ImportedAt = now,
            UpdatedAt = now,
        };
        await using var db = host.Db();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }
}
