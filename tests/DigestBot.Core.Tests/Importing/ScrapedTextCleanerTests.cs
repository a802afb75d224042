using System.Text;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

/// <summary>The cleaning rules on pages shaped like other pages of the same sites, not only the bundled seeds.</summary>
public class ScrapedTextCleanerTests
{
    private const string Headline = "В Астане открыли новый мост через Ишим";
    private const string First = "В столице открыли движение по новому мосту через реку Ишим. Его длина составляет 420 метров.";
    private const string Last = "Строители обещают завершить благоустройство набережной до конца лета.";

    [Theory]
    [InlineData("12 345")]
    [InlineData("1.2K")]
    [InlineData("834 просмотра")]
    [InlineData("1 024 рет оқылды")]
    [InlineData("© Фото: Kazinform")]
    [InlineData("Фото из открытых источников")]
    [InlineData("Фотосурет: ашық дереккөздерден")]
    [InlineData("Photo: Astana Times")]
    [InlineData("Читайте также: Мост через Есиль закроют на ремонт")]
    [InlineData("Тағы оқыңыз: Елордада жаңа көпір ашылды")]
    [InlineData("Related: Majilis passes budget")]
    [InlineData("Подпишитесь на наш канал в WhatsApp, чтобы первыми узнавать новости")]
    [InlineData("Жаңалықтарды Instagram парақшамыздан бақылаңыз")]
    [InlineData("Follow us on Telegram for more news")]
    [InlineData("Все права защищены")]
    [InlineData("Нашли ошибку? Выделите её и нажмите Ctrl+Enter")]
    [InlineData("  • {{author.name}}")]
    [InlineData("Реклама")]
    [InlineData("- Advertisement -")]
    [InlineData("Перейти к содержимому")]
    [InlineData("Skip to content")]
    [InlineData("Мы используем файлы cookie, чтобы сайт работал лучше.")]
    [InlineData("Сайт cookie файлдарын пайдаланады.")]
    [InlineData("This website uses cookies to improve your experience.")]
    [InlineData("Просмотров: 1 204")]
    [InlineData("Views 3,417")]
    [InlineData("2 318 рет қаралды")]
    [InlineData("Теги: мост, Астана, Ишим")]
    [InlineData("Тегтер: көпір, Астана")]
    [InlineData("#көпір #Астана")]
    [InlineData("Поделиться в: Telegram WhatsApp Facebook")]
    [InlineData("Share this story")]
    [InlineData("Share on X")]
    [InlineData("Бөлісу:")]
    [InlineData("WhatsApp")]
    [InlineData("Автор: Руслан Ахметов")]
    [InlineData("Written by Arailym Temirgaliyeva")]
    [InlineData("Мы в соцсетях: Telegram, Instagram, YouTube")]
    [InlineData("Жаңалықтарды бірінші болып білгіңіз келсе, Telegram каналымызға жазылыңыз")]
    [InlineData("Follow Qazinform on Instagram")]
    [InlineData("Sign up for our weekly newsletter")]
    [InlineData("Нашли ошибку в тексте? Выделите её и нажмите Ctrl+Enter")]
    [InlineData("Photo credit: Akorda")]
    [InlineData("Жаңартылған күні: 04.06.2024 09:02")]
    [InlineData("Дата изменения: 15.05.2025 10:11")]
    [InlineData("Вчера, 18:40")]
    [InlineData("Главная > Новости > Общество")]
    [InlineData("Оформите подписку, чтобы читать все материалы без ограничений")]
    [InlineData("Enjoying this article? Click here to subscribe for full access.")]
    public void A_noise_line_between_paragraphs_is_dropped(string noise)
    {
        var body = Clean($"{Headline}\n\n{First}\n\n{noise}\n\n{Last}");

        body.Should().Be($"{First}\n\n{Last}");
    }

    [Theory]
    [InlineData("Тағы оқыңыз")]
    [InlineData("Оқи отырыңыз:")]
    [InlineData("Похожие новости")]
    [InlineData("Самое читаемое")]
    [InlineData("Related posts")]
    [InlineData("Материалы по теме")]
    [InlineData("Новости партнеров")]
    [InlineData("Тақырыпқа орай")]
    [InlineData("Related stories")]
    public void A_widget_heading_and_its_headline_list_are_dropped_and_the_article_goes_on(string heading)
    {
        var page = $"""
            {Headline}

            {First}

            {heading}
            Мост через Есиль закроют на ремонт
            Как изменятся маршруты автобусов в столице?
            Аким проверил ход строительства развязки…

            В дни праздников на мосту пройдет фестиваль уличной еды. Организаторы ждут около десяти тысяч гостей, а вход будет свободным для всех жителей и гостей столицы.

            {Last}
            """;

        var body = Clean(page);

        body.Should().NotContainAny("закроют на ремонт", "маршруты автобусов", "развязки", heading.TrimEnd(':'));
        body.Should().StartWith(First).And.Contain("фестиваль уличной еды").And.EndWith(Last);
    }

    [Theory]
    [InlineData("Отзывы читателей (2):")]
    [InlineData("Отзывы читателей (2): Виктор, Петропавловск: Помню зиму 2012 года, тогда было минус 45.")]
    [InlineData("Пікірлер (3)")]
    [InlineData("Комментарии")]
    [InlineData("Comments (12)")]
    [InlineData("Комментарии 5")]
    [InlineData("Оставьте свой комментарий")]
    [InlineData("Пікіріңізді қалдырыңыз")]
    [InlineData("Leave a reply")]
    [InlineData("Обсуждение")]
    public void The_readers_comments_end_the_article(string heading)
    {
        var page = $"""
            {Headline}

            {First}

            {Last}

            {heading}

            Марина: Почему старшие классы не перевели на дистанционку? Детям в десятом классе тоже холодно, а автобусы ходят редко.
            """;

        Clean(page).Should().Be($"{First}\n\n{Last}");
    }

    [Theory]
    [InlineData("Внимание!")]
    [InlineData("Итоги")]
    [InlineData("Telegram-боты")]
    public void A_short_line_of_the_article_stays(string line) =>
        Clean($"{Headline}\n\n{First}\n\n{line}\n\n{Last}").Should().Be($"{First}\n\n{line}\n\n{Last}");

    [Fact]
    public void A_paragraph_that_only_starts_with_the_word_comments_stays()
    {
        const string paragraph = "Комментарии экспертов разошлись: одни ждут снижения цен весной, другие считают, что рынок уже достиг дна.";

        Clean($"{Headline}\n\n{First}\n\n{paragraph}\n\n{Last}").Should().Be($"{First}\n\n{paragraph}\n\n{Last}");
    }

    [Fact]
    public void Teasers_of_other_articles_at_the_end_are_dropped_without_a_heading()
    {
        var page = $"""
            {Headline}

            {First}

            {Last}

            Елордада жаңа көпір ашылды
            Бүгін Астанада Есіл өзені арқылы өтетін жаңа көпір салтанатты түрде ашылды. Көпірдің ұзындығы ...
            Алматыда жол жөндеу басталды
            Алматы қаласында көктемгі жол жөндеу жұмыстары басталды. Жұмыстар …
            """;

        Clean(page).Should().Be($"{First}\n\n{Last}");
    }

    [Fact]
    public void A_trailing_list_of_bare_headlines_is_dropped_but_a_short_closing_sentence_is_kept()
    {
        var page = $"""
            {Headline}

            {First}

            {Last}

            Мост через Есиль закроют на ремонт
            Как изменятся маршруты автобусов
            Аким проверил ход строительства развязки
            """;

        Clean(page).Should().Be($"{First}\n\n{Last}");
        Clean($"{Headline}\n\n{First}\n\nДвижение открыто.").Should().Be($"{First}\n\nДвижение открыто.");
    }

    [Fact]
    public void A_byline_in_the_header_is_dropped_and_so_is_its_repetition_at_the_end()
    {
        const string byline = "Айгерим Сапарова, корреспондент";

        var body = Clean($"{Headline}\n{byline}\n25.12.2025 10:15\n\n{First}\n\n{Last}\n\n{byline}");

        body.Should().Be($"{First}\n\n{Last}");
    }

    [Theory]
    [InlineData("Что изменится для водителей с 1 января?")]
    [InlineData("«Это было бы замечательное путешествие»: Илья Малинин о Казахстане")]
    [InlineData("Елордада жаңа көпір ашылды!")]
    public void A_headline_may_end_with_a_question_or_exclamation_mark_or_a_quote(string headline)
    {
        var page = $"1 024\n{headline}\nФото: Kazinform\n{First}\n{Last}";

        var article = new DocumentReader().Read("page.txt", Encoding.UTF8.GetBytes(page)).Articles.Single();

        article.Title.Should().Be(headline);
        article.Body.Should().Be($"{First}\n\n{Last}");
    }

    [Theory]
    [InlineData("Главная / Регионы / Акмолинская область")]
    [InlineData("Басты бет » Қоғам")]
    [InlineData("Home › Business")]
    [InlineData("Спорт / Хоккей")]
    [InlineData("Общество")]
    [InlineData("ПОЛИТИКА")]
    [InlineData("ӨҢІР ЖАҢАЛЫҚТАРЫ")]
    [InlineData("Ольга Ким")]
    [InlineData("Бауыржан Серікұлы")]
    [InlineData("Новости Павлодара")]
    [InlineData("Акимат города Астаны")]
    [InlineData("Ministry of Transport of the Republic of Kazakhstan")]
    [InlineData("Просмотров: 1 204")]
    [InlineData("By Saniya Sakenova in Nation on 7 June 2024")]
    public void A_header_line_above_the_headline_is_neither_the_title_nor_the_body(string header)
    {
        var page = $"{header}\n{Headline}\nТекст: Айгерим Сапарова\n{First}\n{Last}";

        Clean(page).Should().Be($"{First}\n\n{Last}");
    }

    [Theory]
    [InlineData("Марина Ким")]
    [InlineData("Айгүл Серікқызы")]
    [InlineData("Экономика")]
    [InlineData("1 204 рет оқылды")]
    [InlineData("Обновлено: 15 октября 2024, 12:05")]
    public void A_header_line_under_the_headline_is_not_glued_to_the_body(string header)
    {
        var page = $"Общество\n{Headline}\n{header}\n{First}\n{Last}";

        Clean(page).Should().Be($"{First}\n\n{Last}");
    }

    /// <summary>A headline of capitalised words only is told from a name by the words it shares with the article.</summary>
    [Theory]
    [InlineData("Выборы в маслихат", First)]
    [InlineData("Мост открыт", First)]
    [InlineData("Rybakina Wins Again", "Elena Rybakina won again in Dubai on Saturday, beating the world number two in straight sets.")]
    public void A_short_headline_right_above_the_article_is_the_title(string headline, string first)
    {
        var page = $"Главная / Новости\n{headline}\n25.12.2025\n{first}\n{Last}";

        var article = new DocumentReader().Read("page.txt", Encoding.UTF8.GetBytes(page)).Articles.Single();

        article.Title.Should().Be(headline);
        article.Body.Should().Be($"{first}\n\n{Last}");
    }

    [Theory]
    [InlineData("Подготовила Айгерим Сапарова\n\nЕлордада жаңа көпір ашылды. Оның ұзындығы 420 метр.", "Елордада жаңа көпір ашылды")]
    [InlineData("Елордада жаңа көпір ашылды. Оның ұзындығы 420 метр.", "Елордада жаңа көпір ашылды")]
    [InlineData("Мост длиной 420 метров, соединивший левый и правый берега Ишима в районе Есиль, открыли для движения в столице во вторник вечером.",
        "Мост длиной 420 метров, соединивший левый и правый берега Ишима в районе Есиль, открыли для…")]
    public void Without_a_headline_the_title_is_the_first_sentence_cut_at_a_word(string page, string title)
    {
        var article = new DocumentReader().Read("page.txt", Encoding.UTF8.GetBytes(page)).Articles.Single();

        article.Title.Should().Be(title);
        article.Title.Length.Should().BeLessThanOrEqualTo(TitleFinder.MaxTitleLength);
    }

    [Theory]
    [InlineData("Оқиға туралы Kazinform хабарлайды.\n\nЕлордада жаңа көпір ашылды, деп хабарлайды Kazinform.", "Kazinform")]
    [InlineData("Мост открыли во вторник, сообщает Tengrinews.kz.", "tengrinews.kz")]
    [InlineData("Мост открыли во вторник.\n\nwww.Zakon.kz", "zakon.kz")]
    [InlineData("Мост открыли во вторник.\n\nДереккөз: Egemen.kz", "egemen.kz")]
    [InlineData("Көпір сейсенбіде ашылды.\n\nЖаңалықтарды «Хабар 24» Telegram арнасынан оқыңыз.", "Хабар 24")]
    [InlineData("Көпір сейсенбіде ашылды.\n\nСараптама мен жаңалықтарды «Айқынның» Telegram арнасынан таба аласыз.", "Айқын")]
    [InlineData("Мост открыли во вторник. Об этом сообщили в акимате.", null)]
    [InlineData("Мост открыли во вторник, передает корреспондент Tengrinews.kz.", "tengrinews.kz")]
    [InlineData("Мост открыли во вторник, передает корреспондент агентства Kazinform.", "Kazinform")]
    [InlineData("Көпір сейсенбіде ашылды, деп хабарлайды Kazinform тілшісі.", "Kazinform")]
    [InlineData("The bridge opened on Tuesday, Kazinform reports.", "Kazinform")]
    [InlineData("Мост открыли во вторник.\n\nИсточник: Vlast.kz\n\nПохожие новости\nОдин\nДва\nТри\nЧетыре\nПять\nШесть", "vlast.kz")]
    public void Source_comes_from_the_text(string page, string? source)
    {
        var article = new DocumentReader().Read("page.txt", Encoding.UTF8.GetBytes($"{Headline}\n\n{page}")).Articles.Single();

        article.Source.Should().Be(source);
    }

    private static string Clean(string page)
    {
        var result = new DocumentReader().Read("page.txt", Encoding.UTF8.GetBytes(page));
        var article = result.Articles.Should().ContainSingle().Subject;
        article.Title.Should().Be(Headline);
        return article.Body;
    }
}
