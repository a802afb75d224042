using DigestBot.Core.Importing;
using DigestBot.Core.Pages;

namespace DigestBot.Core.Tests.Pages;

/// <summary>News pages shaped like those of Kazakhstani sites: the article's paragraphs and stated metadata, nothing around them.</summary>
public class PageExtractorTests
{
    private static readonly Uri PageUrl = new("https://news.test/news/page-1.html");

    public static TheoryData<string, string?, string?, string?, string?, string?, string?> Metadata => new()
    {
        // og:image wins over twitter:image; the canonical link is relative.
        {
            "bridge-article-ru.html", "В Астане открыли новый мост через Ишим",
            "https://news.test/news/v-astane-otkryili-novyiy-most-cherez-ishim-5501/", "https://news.test/static/img/2025/05/most.jpg",
            "2025-05-14T10:15:00+05:00", "Tengri News", "ru"
        },

        // Only twitter:image, protocol-relative; the date is the NewsArticle's in a JSON-LD @graph, not the WebPage's.
        {
            "tariffs-news-text-ru.html", "Тарифы на электроэнергию вырастут с 1 июля",
            "https://www.news.test/news/tarify-na-elektroenergiyu-vyrastut-s-1-iyulya-4417.html", "https://static.news.test/upload/2025/06/tarif.jpg",
            "2025-06-20T14:30:00+05:00", null, null
        },

        // No image at all; the date is the article's <time datetime>, without an offset, so Kazakhstan time.
        {
            "bridge-article-kk.html", "Елордада Есіл өзені арқылы жаңа көпір ашылды",
            "https://egemen.news.test/article/370512-elordada-zhana-kopir-ashyldy", null,
            "2025-05-14T11:20:00+05:00", "Egemen Qazaqstan", "kk"
        },

        // og:image:secure_url only; no canonical link, so og:url; the site is cut off the <title>.
        {
            "senate-article-en.html", "Senate Approves Mediation Law",
            "https://astanatimes.news.test/2025/03/senate-approves-mediation-law/", "https://astanatimes.news.test/wp-content/uploads/2025/03/senate.jpg",
            "2025-03-12T00:00:00+05:00", "The Astana Times", "en"
        },
    };

    public static TheoryData<string, string[], string[]> Texts => new()
    {
        // An <article> with a figure, an inline "Читайте также", a subheading, a list and a classed read-also block;
        // share buttons, tags, related news, comments, a cookie banner and the site's header and footer around it.
        {
            "bridge-article-ru.html",
            [
                "В столице открыли движение по новому мосту через реку Ишим. Его длина составляет 420 метров, ширина — 32 метра, по мосту проложены шесть полос для автомобилей и две велодорожки.",
                "Строительство шло два года. Подрядчик завершил работы на три месяца раньше срока, сообщили в акимате города.",
                "Читайте также: Мост через Есиль закроют на ремонт",
                "Что изменится для водителей",
                "По новому мосту пустят четыре маршрута общественного транспорта:",
                "автобус № 12 от вокзала до ЭКСПО;",
                "автобус № 40 от Левого берега до Сарыарки;",
                "экспресс № 100 до аэропорта.",
                "«Мост разгрузит центр города в часы пик», — сказал аким Астаны на церемонии открытия.",
                "Строители обещают завершить благоустройство набережной до конца лета.",
            ],
            ["Читайте также: Мост через Есиль закроют на ремонт"]
        },

        // A <div class="news-text"> whose paragraphs are <br><br> runs, with views, tags and a sidebar of popular news outside.
        {
            "tariffs-news-text-ru.html",
            [
                "Тарифы на электроэнергию для населения вырастут в среднем на 12 процентов с 1 июля. Об этом сообщили в Министерстве энергетики, пояснив, что рост связан с модернизацией сетей.",
                "Для жителей Алматы киловатт-час будет стоить 27,5 тенге вместо нынешних 24,6 тенге. В Астане тариф составит 25,1 тенге.",
                "В министерстве подчеркнули, что социально уязвимые слои населения получат жилищную помощь, а лимиты потребления для льготного тарифа останутся прежними.",
                "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать новости!",
                "Источник: Zakon.kz",
            ],
            ["Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать новости!", "Источник: Zakon.kz"]
        },

        // A Kazakh page with a "Тағы оқыңыз" heading and its list of links inside the body, a quote and a call to follow the channel.
        {
            "bridge-article-kk.html",
            [
                "Бүгін Астанада Есіл өзені арқылы өтетін жаңа көпір салтанатты түрде ашылды. Көпірдің ұзындығы 420 метр, ені 32 метр.",
                "Құрылыс жұмыстары екі жылға созылды. Мердігер жұмысты мерзімінен үш ай бұрын аяқтады, деп хабарлады қала әкімдігі.",
                "Тағы оқыңыз:",
                "Алматыда жол жөндеу жұмыстары басталды",
                "Астанада жаңа мектеп ашылды",
                "Көпір арқылы қоғамдық көліктің төрт бағыты жүреді. Жүргізушілер үшін алты жолақ, велосипедшілер үшін екі жол қарастырылған.",
                "«Бұл көпір қала орталығындағы кептелісті азайтады», – деді қала әкімі ашылу салтанатында.",
                "Жаңалықтарды «Egemen Qazaqstan» Telegram арнасынан оқыңыз.",
            ],
            [
                "Тағы оқыңыз:", "Алматыда жол жөндеу жұмыстары басталды", "Астанада жаңа мектеп ашылды",
                "Жаңалықтарды «Egemen Qazaqstan» Telegram арнасынан оқыңыз.",
            ]
        },

        // No <article>: the body is found by itemprop; a newsletter line and share widget inside it, related posts and widgets outside.
        {
            "senate-article-en.html",
            [
                "ASTANA – The Senate approved amendments to the law on mediation on March 12, extending out-of-court settlement to labor and family disputes.",
                "The amendments allow courts to refer a case to a mediator at any stage of the proceedings. Parties who settle will have the state fee refunded in full.",
                "Related: Majilis passes budget",
                "What changes for citizens",
                "Mediation becomes free for disputes under 100 monthly calculation indices.",
                "Mediators must complete a certified training course.",
                "The law now goes to the President for signature.",
            ],
            ["Related: Majilis passes budget"]
        },
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public void The_page_states_title_links_date_site_and_language(
        string fixture, string? title, string? canonicalUrl, string? imageUrl, string? publishedAt, string? siteName, string? language)
    {
        var article = Extract(fixture);

        article.Title.Should().Be(title);
        article.CanonicalUrl.Should().Be(canonicalUrl);
        article.ImageUrl.Should().Be(imageUrl);
        article.PublishedAt.Should().Be(publishedAt is null ? null : DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture));
        article.SiteName.Should().Be(siteName);
        article.Language.Should().Be(language);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_paragraphs_are_the_articles_own_and_the_cleaner_drops_what_links_elsewhere(string fixture, string[] paragraphs, string[] cleanedAway)
    {
        var article = Extract(fixture);
        var draft = ArticleBuilder.Build(
            new DocumentItem("", "page", new ArticleMetadata(Title: article.Title, Url: article.CanonicalUrl, PublishedAt: article.PublishedAt), article.Paragraphs),
            out _);

        article.Paragraphs.Should().Equal(paragraphs);
        draft.Should().NotBeNull();
        draft!.Body.Should().Be(string.Join("\n\n", paragraphs.Except(cleanedAway)));
        draft.Title.Should().Be(article.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<<<>>> </div></p><p")]
    [InlineData("<html><head><title>Главная | Tengri News</title></head><body><nav><a href='/'>Главная</a></nav></body></html>")]
    [InlineData("<html><body><div class='comments'><p>Наконец-то построили этот мост, теперь до работы ехать в два раза быстрее!</p></div></body></html>")]
    [InlineData("\0\uFFFF<script>while(true){}")]
    public void A_page_without_article_text_gives_null_and_does_not_throw(string html)
    {
        PageExtractor.Extract(html, PageUrl).Should().BeNull();
    }

    [Fact]
    public void Text_cut_off_by_the_download_still_gives_what_arrived()
    {
        var html = File.ReadAllText(FixturePath("bridge-article-ru.html"));

        var article = PageExtractor.Extract(html[..html.IndexOf("Строители обещают", StringComparison.Ordinal)], PageUrl);

        article!.Paragraphs[0].Should().StartWith("В столице открыли движение по новому мосту через реку Ишим.");
    }

    [Theory]
    [InlineData("В Астане открыли мост | Tengri News", null, "В Астане открыли мост")]
    [InlineData("Тарифы вырастут с 1 июля - Zakon.kz", null, "Тарифы вырастут с 1 июля")]
    [InlineData("Senate Approves Mediation Law — The Astana Times", "The Astana Times", "Senate Approves Mediation Law")]
    [InlineData("Көпір ашылды — Egemen Qazaqstan", null, "Көпір ашылды")]
    [InlineData("Астана — Алматы: поезд пойдет быстрее", null, "Астана — Алматы: поезд пойдет быстрее")]
    [InlineData("Токаев - о реформах в образовании", "Tengri News", "Токаев - о реформах в образовании")]
    public void The_site_name_is_cut_off_a_title_but_a_dash_in_a_headline_stays(string title, string? siteName, string expected)
    {
        PageMetadata.CutSiteName(title, siteName, new Uri("https://www.egemen.kz/article/1")).Should().Be(expected);
    }

    [Theory]
    [InlineData("/img/a.jpg", "https://news.test/img/a.jpg")]
    [InlineData("//cdn.news.test/a.jpg", "https://cdn.news.test/a.jpg")]
    [InlineData(" https://cdn.news.test/a b.jpg ", "https://cdn.news.test/a%20b.jpg")]
    [InlineData("data:image/png;base64,AAAA", null)]
    [InlineData("javascript:void(0)", null)]
    [InlineData("", null)]
    public void Links_are_made_absolute_and_only_web_addresses_are_kept(string href, string? expected)
    {
        PageMetadata.Absolute(PageUrl, href).Should().Be(expected);
    }

    [Theory]
    [InlineData("https://news.test/news/bridge-5501/", "https://news.test/news/bridge-5501/")]
    [InlineData("https://www.news.test/news/bridge-5501/", "https://www.news.test/news/bridge-5501/")]
    [InlineData("https://m.news.test/news/bridge-5501", "https://m.news.test/news/bridge-5501")]
    [InlineData("https://egemen.news.test/article/370512", "https://egemen.news.test/article/370512")]
    [InlineData("https://news.test/", null)]
    [InlineData("https://news.test", null)]
    [InlineData("https://other-outlet.test/news/bridge-5501/", null)]
    [InlineData("not a url", null)]
    public void A_canonical_URL_counts_only_on_the_pages_own_site_and_below_its_home(string canonical, string? expected)
    {
        PageMetadata.Canonical(canonical, PageUrl).Should().Be(expected);
    }

    [Fact]
    public void Under_a_generic_second_level_two_agencies_are_two_sites()
    {
        var page = new Uri("https://www.akorda.gov.kz/ru/news/1");

        PageMetadata.Canonical("https://akorda.gov.kz/ru/news/1", page).Should().Be("https://akorda.gov.kz/ru/news/1");
        PageMetadata.Canonical("https://primeminister.gov.kz/ru/news/1", page).Should().BeNull();
    }

    private static PageArticle Extract(string fixture)
    {
        var article = PageExtractor.Extract(File.ReadAllText(FixturePath(fixture)), PageUrl);
        article.Should().NotBeNull();
        return article!;
    }

    private static string FixturePath(string fixture) => Path.Combine(AppContext.BaseDirectory, "Pages", "Fixtures", fixture);
}
