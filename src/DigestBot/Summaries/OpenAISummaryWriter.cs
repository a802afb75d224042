using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;
using DigestBot.Core.Text;
using DigestBot.Storage.Configurations;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace DigestBot.Summaries;

/// <summary>What an OpenAI-compatible model wrote for an article, or why nothing usable came back.</summary>
public sealed record WrittenSummary(string Title, string Summary, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static WrittenSummary Failed(string reason) => new("", "", reason);
}

/// <summary>Asks an OpenAI-compatible chat model for an article's title and short summary in a given language, and checks the answer.</summary>
public sealed class OpenAISummaryWriter : IDisposable
{
    /// <summary>The prompt asks for about 300 characters; twice that is a model that did not listen.</summary>
    public const int MaxSummaryChars = 600;

    public const int MaxTitleChars = 200;

    // Room for a title and summary even with every Cyrillic letter written as a \u escape.
    private const int MaxAnswerChars = 8000;
    private const int MaxOutputTokens = 1000;

    // The client's own network timeout is only a backstop: the limit a reader waits is ours, kept on the injected clock.
    private static readonly TimeSpan NetworkTimeoutMargin = TimeSpan.FromSeconds(30);

    private readonly OpenAISummariesOptions options;
    private readonly TimeProvider time;
    private readonly ChatClient chat;
    private readonly SemaphoreSlim slots;

    public OpenAISummaryWriter(IOptions<SummariesOptions> options, TimeProvider time)
    {
        this.options = options.Value.OpenAI;
        this.time = time;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(this.options.BaseUrl),
            NetworkTimeout = this.options.Timeout + NetworkTimeoutMargin,
            // One attempt only: a reader is waiting, and the stored summary is a fine answer while the server is down.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };

        // Local servers ignore the key but the client insists on one.
        var key = string.IsNullOrWhiteSpace(this.options.ApiKey) ? "none" : this.options.ApiKey;
        chat = new ChatClient(this.options.Model, new ApiKeyCredential(key), clientOptions);
        slots = new SemaphoreSlim(this.options.MaxConcurrency, this.options.MaxConcurrency);
    }

    public string Model => options.Model;

    /// <summary>How a summary written here is labelled: <c>openai:&lt;model&gt;</c>.</summary>
    public string Method => $"openai:{options.Model}";

    /// <summary>Never throws for the server's sake: a timeout, an HTTP error or an unusable answer is a failed result.</summary>
    public async Task<WrittenSummary> WriteAsync(string title, string body, Language from, Language to, CancellationToken cancellationToken)
    {
        // The timeout covers the wait for a free slot as well, so a reader never waits longer than it in all.
        using var limit = new CancellationTokenSource(options.Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await slots.WaitAsync(timeout.Token);
            try
            {
                var completion = await chat.CompleteChatAsync(Prompt(title, body, from, to), RequestOptions(), timeout.Token);
                return Check(completion.Value, to);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WrittenSummary.Failed(string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Timeout.TotalSeconds:0.###} s"));
        }
        catch (ClientResultException ex) when (ex.Status > 0)
        {
            return WrittenSummary.Failed($"the server answered HTTP {ex.Status}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else breaks (a refused connection, a response that is not the API's JSON), the reader gets the stored summary.
            return WrittenSummary.Failed(FirstLine(ex.Message));
        }
    }

    public void Dispose() => slots.Dispose();

    /// <summary>The body cut to at most <paramref name="maxChars"/> at the last sentence end that fits, else at a word boundary.</summary>
    internal static string TruncateBody(string body, int maxChars)
    {
        if (body.Length <= maxChars)
        {
            return body;
        }

        var sentences = new List<Range>();
        SentenceSplitter.SplitRanges(body, sentences);
        var end = 0;
        foreach (var sentence in sentences)
        {
            var sentenceEnd = sentence.End.GetOffset(body.Length);
            if (sentenceEnd > maxChars)
            {
                break;
            }

            end = sentenceEnd;
        }

        if (end == 0)
        {
            end = maxChars;
            while (end > 0 && !char.IsWhiteSpace(body[end]))
            {
                end--;
            }

            end = end == 0 ? maxChars : end;
        }

        return body[..end].TrimEnd();
    }

    internal static string LanguageName(Language language) => language switch
    {
        Language.Ru => "Russian (русский язык)",
        Language.Kk => "Kazakh (қазақ тілі)",
        Language.En => "English",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private List<ChatMessage> Prompt(string title, string body, Language from, Language to)
    {
        var target = LanguageName(to);
        var instructions = $"""
            You write short news summaries for a Telegram digest read in Kazakhstan.
            Write in {target} only, whatever language the article is in.
            Answer with one JSON object and nothing else: {"{"}"title": "...", "summary": "..."{"}"}.
            "title": a headline in {target}, at most 100 characters.
            "summary": one or two sentences in {target}, at most 300 characters, saying what happened: who did what, where, and the key figure.
            Keep names, figures and dates as the article gives them and add nothing it does not say.
            """;
        var article = $"Article in {LanguageName(from)}.\nTitle: {title}\n\n{TruncateBody(body, options.MaxInputChars)}";
        return [new SystemChatMessage(instructions), new UserChatMessage(article)];
    }

    // Built per call: the client fills in the messages and model on the options object it is given.
    private static ChatCompletionOptions RequestOptions() => new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        MaxOutputTokenCount = MaxOutputTokens,
    };

    private static WrittenSummary Check(ChatCompletion completion, Language to)
    {
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            return WrittenSummary.Failed("refused by the content filter");
        }

        if (!string.IsNullOrWhiteSpace(completion.Refusal))
        {
            return WrittenSummary.Failed($"refused: {FirstLine(completion.Refusal)}");
        }

        var answer = new StringBuilder();
        foreach (var part in completion.Content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                answer.Append(part.Text);
            }
        }

        var text = StripCodeFence(answer.ToString().Trim());
        if (text.Length == 0)
        {
            return WrittenSummary.Failed("empty answer");
        }

        if (text.Length > MaxAnswerChars)
        {
            return WrittenSummary.Failed($"oversized answer ({text.Length} chars)");
        }

        string? title, summary;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return WrittenSummary.Failed("the answer is not a JSON object");
            }

            title = StringProperty(json.RootElement, "title");
            summary = StringProperty(json.RootElement, "summary");
        }
        catch (JsonException)
        {
            return WrittenSummary.Failed("the answer is not JSON");
        }

        if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(summary))
        {
            return WrittenSummary.Failed(string.IsNullOrEmpty(title) ? "no title in the answer" : "no summary in the answer");
        }

        if (title.Length > Math.Min(MaxTitleChars, TranslatedSummaryConfiguration.MaxTitleLength))
        {
            return WrittenSummary.Failed($"oversized title ({title.Length} chars)");
        }

        if (summary.Length > MaxSummaryChars)
        {
            return WrittenSummary.Failed($"oversized summary ({summary.Length} chars)");
        }

        var written = LanguageDetector.Detect($"{title}\n{summary}");
        return written == to
            ? new WrittenSummary(title, summary, null)
            : WrittenSummary.Failed($"the answer is in {written.ToCode()}, not {to.ToCode()}");
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? string.Join(' ', (value.GetString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;

    // Local models often wrap JSON in a Markdown code block despite being asked not to.
    private static string StripCodeFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n');
        return firstLineEnd < 0 ? text[3..^3].Trim() : text[(firstLineEnd + 1)..^3].Trim();
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        return (newline >= 0 ? line[..newline] : line).ToString();
    }
}
