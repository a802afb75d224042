using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

public class ExtractiveSummarizerTests
{
    private const string Article =
        "Правительство утвердило план экспорта зерна на новый маркетинговый год. " +
        "За рубеж планируется поставить не менее 11 млн тонн пшеницы и продуктов ее переработки. " +
        "Валовой сбор зерна в этом году составил 26,7 млн тонн пшеницы, ячменя и других культур. " +
        "Основными покупателями зерна станут страны Центральной Азии, Китай и Иран. " +
        "Министерство сельского хозяйства будет ежемесячно отчитываться об экспорте зерна.";

    private static readonly ISummarizer[] All =
        [new ExtractiveSummarizer(), new LeadSummarizer(1), new LeadSummarizer(2), new LeadSummarizer(3), new TextRankSummarizer()];

    public static TheoryData<int, int> Budgets => new() { { 1, 300 }, { 2, 300 }, { 3, 300 }, { 2, 150 }, { 3, 200 } };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Stays_within_the_budget(int maxSentences, int maxChars)
    {
        var options = new SummaryLimits { MaxSentences = maxSentences, MaxChars = maxChars };
        var summary = new ExtractiveSummarizer().Summarize(Article, Language.Ru, options);

        summary.Sentences.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(maxSentences);
        summary.Text.Length.Should().BeLessThanOrEqualTo(maxChars);
        summary.Text.Should().Be(string.Join(' ', summary.Sentences));
        summary.Method.Should().Be("extractive");
        summary.Language.Should().Be(Language.Ru);
    }

    [Fact]
    public void Keeps_the_original_order_and_whole_sentences()
    {
        var summary = new ExtractiveSummarizer().Summarize(Article, Language.Ru, new SummaryLimits { MaxSentences = 3, MaxChars = 1000 });

        summary.Sentences.Should().OnlyContain(sentence => Article.Contains(sentence));
        summary.Sentences.Select(sentence => Article.IndexOf(sentence, StringComparison.Ordinal)).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Takes_the_best_sentence_that_fits_when_the_lead_is_too_long()
    {
        var longLead = string.Join(", ", Enumerable.Repeat("очень длинное вступление о зерновом рынке страны", 8)) + ".";
        var body = longLead + " Экспорт пшеницы в этом году достигнет 11 млн тонн зерна.";

        var summary = new ExtractiveSummarizer().Summarize(body, Language.Ru, new SummaryLimits { MaxChars = 100 });

        summary.Sentences.Should().Equal("Экспорт пшеницы в этом году достигнет 11 млн тонн зерна.");
    }

    public static TheoryData<Language, string, string> OpeningsBeforeTheNews => new()
    {
        {
            Language.Ru,
            "Весной прошлого года паводок затопил сотни домов в селах Актюбинской области. " +
            "Тогда жители сел несколько недель жили в школах и у родственников. " +
            "МЧС начало превентивную эвакуацию 1 200 жителей трех сел Актюбинской области из-за угрозы нового паводка. " +
            "Спасатели работают в круглосуточном режиме.",
            "МЧС начало превентивную эвакуацию 1 200 жителей трех сел Актюбинской области из-за угрозы нового паводка."
        },
        {
            Language.Kk,
            "«Бұрын дәрігерге қаралу үшін облыс орталығына жол жүретінбіз. Енді дәрігер бізге өзі келеді», – дейді ауыл тұрғыны. " +
            "Абай облысында жылжымалы медициналық кешендер алғашқы айда 46 ауылда 12 мыңнан астам адамды тексерді. " +
            "Кешендерде кардиолог, эндокринолог және офтальмолог жұмыс істейді.",
            "Абай облысында жылжымалы медициналық кешендер алғашқы айда 46 ауылда 12 мыңнан астам адамды тексерді."
        },
    };

    [Theory]
    [MemberData(nameof(OpeningsBeforeTheNews))]
    public void Passes_over_a_background_or_quoted_opening_to_the_news(Language language, string body, string news)
    {
        var summary = new ExtractiveSummarizer().Summarize(body, language, new SummaryLimits { MaxSentences = 1 });

        summary.Sentences.Should().Equal(news);
    }

    [Fact]
    public void Returns_the_first_sentence_alone_when_none_fits()
    {
        var summary = new ExtractiveSummarizer().Summarize(Article, Language.Ru, new SummaryLimits { MaxChars = 20 });

        summary.Sentences.Should().Equal("Правительство утвердило план экспорта зерна на новый маркетинговый год.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Summarizes_an_empty_body_as_empty(string body)
    {
        foreach (var summarizer in All)
        {
            summarizer.Summarize(body, Language.Ru).Sentences.Should().BeEmpty();
        }
    }

    [Fact]
    public void Every_summarizer_honours_the_character_budget()
    {
        foreach (var summarizer in All)
        {
            summarizer.Summarize(Article, Language.Ru, new SummaryLimits { MaxSentences = 3, MaxChars = 200 }).Text.Length
                .Should().BeLessThanOrEqualTo(200, summarizer.GetType().Name);
        }
    }

    [Fact]
    public void Lead_takes_the_first_sentences() =>
        new LeadSummarizer(2).Summarize(Article, Language.Ru).Sentences.Should().Equal(
            "Правительство утвердило план экспорта зерна на новый маркетинговый год.",
            "За рубеж планируется поставить не менее 11 млн тонн пшеницы и продуктов ее переработки.");

    [Fact]
    public void Handles_long_articles_by_ranking_only_the_first_sentences()
    {
        var body = string.Join(' ', Enumerable.Repeat(Article, 100));
        var summary = new ExtractiveSummarizer().Summarize(body, Language.Ru);
        summary.Sentences.Should().NotBeEmpty();
    }

    public static TheoryData<string, string, string> CleanupCases => new()
    {
        {
            "boilerplate is skipped",
            "Фото: пресс-служба акимата Алматинской области. Аким области открыл новую школу на 600 мест в Конаеве. Подписывайтесь на наш Telegram-канал, чтобы быть в курсе новостей.",
            "Аким области открыл новую школу на 600 мест в Конаеве."
        },
        {
            "a bare quotation is skipped",
            "«Мы построим еще десять таких школ в ближайшие три года в нашем регионе». Аким области открыл новую школу на 600 мест в Конаеве.",
            "Аким области открыл новую школу на 600 мест в Конаеве."
        },
        {
            "a heading without a verb is skipped",
            "Новая школа в Конаеве и планы акимата на будущий год\n\nАким области открыл новую школу на 600 мест в Конаеве.",
            "Аким области открыл новую школу на 600 мест в Конаеве."
        },
        {
            "a short fragment is skipped",
            "Итак, школа. Аким области открыл новую школу на 600 мест в Конаеве.",
            "Аким области открыл новую школу на 600 мест в Конаеве."
        },
        {
            "a sentence leaning on a dropped one is skipped",
            "Аким области открыл новую школу на 600 мест в Конаеве. Строительство обошлось бюджету в 4 млрд тенге и шло два года. Он также пообещал построить в Конаеве бассейн и стадион.",
            "Аким области открыл новую школу на 600 мест в Конаеве. Строительство обошлось бюджету в 4 млрд тенге и шло два года."
        },
    };

    [Theory]
    [MemberData(nameof(CleanupCases))]
    public void Cleans_the_output(string rule, string body, string expected) =>
        new ExtractiveSummarizer().Summarize(body, Language.Ru, new SummaryLimits { MaxSentences = 2, MaxChars = 1000 })
            .Text.Should().Be(expected, rule);

    [Fact]
    public void Keeps_an_anaphoric_sentence_right_after_its_antecedent()
    {
        const string body = "Аким области открыл новую школу на 600 мест в Конаеве. Она оснащена современными лабораториями и спортивным залом.";
        new ExtractiveSummarizer().Summarize(body, Language.Ru).Sentences.Should().HaveCount(2);
    }

    [Fact]
    public void Summarizes_kazakh()
    {
        const string body =
            "Қазақстан халқы Ассамблеясының сессиясы Астанада өтті. Сессияға елдің барлық өңірлерінен 1500 делегат қатысты. " +
            "Сондай-ақ ол жаңа бастамаларды ұсынды. «Бірлік – біздің басты байлығымыз». Сессия қорытындысы бойынша қарар қабылданды.";

        var summary = new ExtractiveSummarizer().Summarize(body, Language.Kk);

        summary.Sentences.Should().Equal(
            "Қазақстан халқы Ассамблеясының сессиясы Астанада өтті.",
            "Сессияға елдің барлық өңірлерінен 1500 делегат қатысты.");
    }
}
