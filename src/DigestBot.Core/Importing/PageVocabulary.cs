namespace DigestBot.Core.Importing;

/// <summary>
/// The words a scraped page uses around its article in one language: the labels of its datelines, counters, bylines,
/// source lines, share bars and related lists. The page rules look for the words of every language on every page (a
/// Kazakh page often carries Russian labels), so adding a label to one table teaches it to every rule that needs it.
/// Phrases are lowercase; a space matches any run of white space.
/// </summary>
internal sealed record PageWords
{
    /// <summary>Label of a dateline that gives the publication date ("Опубликовано: 03.06.2024").</summary>
    public required string[] PublishedLabels { get; init; }

    /// <summary>Label of a dateline that gives a later edit; used only when the page gives no other date.</summary>
    public required string[] UpdatedLabels { get; init; }

    /// <summary>Words that may stand beside a date or a time on a dateline ("года", "сағат", "today", "pm").</summary>
    public required string[] DateWords { get; init; }

    /// <summary>Month names or their stems with the month's number; an abbreviation of three letters or more also names it.</summary>
    public required (string Stem, int Month)[] Months { get; init; }

    /// <summary>"Источник: zakon.kz": the line is dropped and what follows is stored as the source.</summary>
    public required string[] SourceLabels { get; init; }

    /// <summary>"…, передает Kazinform." / "… деп хабарлайды Kazinform." / "…, Kazinform reports.": the outlet named in a sentence.</summary>
    public required string[] ReportingVerbs { get; init; }

    /// <summary>Words between the reporting verb and the outlet, or after it ("передает корреспондент", "Kazinform тілшісі").</summary>
    public required string[] Reporters { get; init; }

    /// <summary>What a view counter says after or before its number ("1 204 просмотра", "Просмотров: 1 204", "5 620 рет оқылды").</summary>
    public required string[] CounterWords { get; init; }

    /// <summary>Headings of lists of other articles ("Читайте также", "Тақырып бойынша", "Related posts"): the list under them goes too.</summary>
    public required string[] RelatedHeadings { get; init; }

    /// <summary>A related heading that may stand on the teaser's own line: "Читайте также: Мост через Есиль закроют".</summary>
    public required string[] InlineRelated { get; init; }

    /// <summary>A call to follow, join or subscribe; the line goes when it also names a channel or a paid subscription.</summary>
    public required string[] CallsToFollow { get; init; }

    /// <summary>Word starts that name a channel, a social network or a subscription ("telegram", "канал", "арнасы", "newsletter", "подписк").</summary>
    public required string[] Channels { get; init; }

    /// <summary>The heading of the readers' comments ("Комментарии (3)"): nothing after it is the article's.</summary>
    public required string[] CommentHeadings { get; init; }

    /// <summary>An invitation to comment ("Оставить комментарий", "Пікір қалдыру"): it opens the comments too.</summary>
    public required string[] CommentPrompts { get; init; }

    /// <summary>The start of a share bar or a print button ("Поделиться в: Telegram WhatsApp", "Share this article", "Бөлісу").</summary>
    public required string[] ShareLabels { get; init; }

    /// <summary>"Теги: паводок, МЧС".</summary>
    public required string[] TagLabels { get; init; }

    /// <summary>"Автор: Ольга Ли", "By Aiman Nakispekova".</summary>
    public required string[] AuthorLabels { get; init; }

    /// <summary>"Фото: Акорда", "Photo credit: …".</summary>
    public required string[] PhotoLabels { get; init; }

    /// <summary>The first link of a breadcrumb ("Главная / Экономика").</summary>
    public required string[] HomeLinks { get; init; }

    /// <summary>Site-wide lines that are the whole line ("Реклама", "Skip to content").</summary>
    public required string[] SiteLines { get; init; }

    /// <summary>Site-wide lines known by their start ("Все права защищены …", "Нашли ошибку …").</summary>
    public required string[] SiteLineStarts { get; init; }
}

/// <summary>The page words of Russian, Kazakh and English pages.</summary>
internal static class PageVocabulary
{
    public static readonly PageWords Russian = new()
    {
        PublishedLabels = ["опубликовано", "опубликован", "дата публикации", "дата", "размещено", "добавлено"],
        UpdatedLabels = ["обновлено", "дата обновления", "дата изменения", "изменено", "последнее обновление"],
        DateWords = ["года", "год", "г", "в", "сегодня", "вчера", "пн", "вт", "ср", "чт", "пт", "сб", "вс"],
        Months =
        [
            ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("мая", 5), ("май", 5), ("июн", 6),
            ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
        ],
        SourceLabels = ["источник", "по материалам"],
        ReportingVerbs = ["передает", "передаёт", "сообщает", "пишет"],
        Reporters = ["корреспондент", "корреспонденты", "собственный корреспондент", "агентство", "агентства", "издание", "портал"],
        CounterWords = ["просмотр", "просмотра", "просмотров", "просмотры", "прочтений"],
        RelatedHeadings =
        [
            "читайте также", "читайте еще", "читайте ещё", "смотрите также", "популярное", "популярные новости",
            "популярные материалы", "самое читаемое", "самое популярное", "похожие новости", "похожие материалы",
            "похожие статьи", "другие новости", "последние новости", "новости по теме", "материалы по теме", "по теме",
            "рекомендуем", "новости партнеров", "новости партнёров", "архив",
        ],
        InlineRelated = ["читайте также", "читайте еще", "читайте ещё", "смотрите также"],
        CallsToFollow = ["подписывайтесь", "подпишитесь", "присоединяйтесь", "следите", "читайте нас", "будьте в курсе", "мы в", "оформите", "оформить"],
        Channels = ["канал", "соцсет", "рассылк", "подписк", "телеграм", "инстаграм", "фейсбук", "ютуб", "тикток", "вконтакте"],
        CommentHeadings = ["комментарии", "отзывы", "отзывы читателей", "обсуждение"],
        CommentPrompts =
        [
            "оставить комментарий", "оставьте комментарий", "оставьте свой комментарий", "написать комментарий",
            "добавить комментарий", "комментировать",
        ],
        ShareLabels = ["поделиться", "поделитесь", "печать", "распечатать"],
        TagLabels = ["теги", "тэги", "метки", "ключевые слова"],
        AuthorLabels = ["автор", "авторы", "текст", "подготовил", "подготовила", "подготовили"],
        PhotoLabels = ["фото", "видео", "коллаж", "иллюстрация", "инфографика"],
        HomeLinks = ["главная", "главная страница"],
        SiteLines = ["мы работаем для вас", "перейти к содержимому", "перейти к содержанию", "перейти к основному содержанию", "будьте в курсе всех событий", "реклама"],
        SiteLineStarts = ["все права защищены", "нашли ошибку", "если вы нашли ошибку", "при использовании материалов", "при копировании материалов", "при цитировании материалов"],
    };

    public static readonly PageWords Kazakh = new()
    {
        PublishedLabels = ["жарияланды", "жарияланған", "жарияланған күні", "жарияланған уақыты", "жариялану күні", "жарияланым күні", "күні"],
        UpdatedLabels = ["жаңартылды", "жаңартылған", "жаңартылған күні", "өзгертілді", "өзгертілген күні"],
        DateWords = ["жылы", "жылғы", "ж", "сағат", "бүгін", "кеше"],
        Months =
        [
            ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
            ("шілде", 7), ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11), ("желтоқсан", 12),
        ],
        SourceLabels = ["дереккөз", "дерек көзі", "ақпарат көзі"],
        ReportingVerbs = ["хабарлайды", "жазады"],
        Reporters = ["тілшісі", "агенттігі", "сайты", "порталы"],
        CounterWords = ["рет оқылды", "оқылды", "рет қаралды", "қаралды", "рет көрілді", "көрілді", "қаралым"],
        RelatedHeadings =
        [
            "тағы оқыңыз", "тағы да оқыңыз", "оқи отырыңыз", "ұқсас жаңалықтар", "ұқсас материалдар", "соңғы жаңалықтар",
            "көп оқылғандар", "танымал", "танымал жаңалықтар", "тақырыпқа қатысты", "тақырып бойынша", "тақырыпқа орай",
            "осы тақырыпта", "осы тақырыпқа", "мұрағат",
        ],
        InlineRelated = ["тағы оқыңыз", "тағы да оқыңыз", "оқи отырыңыз"],
        CallsToFollow = ["жазылыңыз", "жазылу", "қосылыңыз", "таба аласыз", "бақылаңыз", "оқыңыз", "рәсімдеңіз", "біз әлеуметтік желілерде"],
        Channels = ["арнасы", "арнамыз", "арнаға", "арнада", "каналымыз", "парақша", "желілер", "жазылым"],
        CommentHeadings = ["пікірлер", "оқырман пікірлері", "талқылау"],
        CommentPrompts = ["пікір қалдыру", "пікір қалдырыңыз", "пікіріңізді қалдырыңыз", "пікір жазу", "пікір білдіру"],
        ShareLabels = ["бөлісу", "бөлісіңіз", "басып шығару"],
        TagLabels = ["тегтер", "тег", "кілт сөздер"],
        AuthorLabels = ["мақала авторы", "автор", "авторы", "дайындаған", "мәтін"],
        PhotoLabels = ["фото", "фотосурет", "сурет", "бейне"],
        HomeLinks = ["басты бет", "басты бетке"],
        SiteLines = ["мазмұнға өту", "жарнама"],
        SiteLineStarts = ["барлық құқықтар қорғалған", "қате тапсаңыз", "материалдарды көшіріп", "материалдарды пайдаланған"],
    };

    public static readonly PageWords English = new()
    {
        PublishedLabels = ["published", "first published", "posted", "posted on", "date", "on"],
        UpdatedLabels = ["updated", "last updated", "modified"],
        DateWords = ["at", "today", "yesterday", "am", "pm", "a.m", "p.m", "gmt", "utc", "mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        Months =
        [
            ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
            ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ],
        SourceLabels = ["source"],
        ReportingVerbs = ["reports", "reported"],
        Reporters = ["correspondent"],
        CounterWords = ["views", "view", "reads"],
        RelatedHeadings =
        [
            "check also", "read also", "also read", "read more", "see also", "related", "related news", "related posts",
            "related articles", "related stories", "you may also like", "popular", "most read", "latest news", "more news",
            "more stories", "archive", "recommended",
        ],
        InlineRelated = ["read also", "also read", "read more", "see also", "check also", "related"],
        CallsToFollow = ["subscribe", "follow us", "follow", "join us", "stay tuned", "sign up", "find us on", "become a member"],
        Channels = ["telegram", "instagram", "whatsapp", "facebook", "youtube", "tiktok", "twitter", "linkedin", "newsletter", "channel", "subscription", "full access"],
        CommentHeadings = ["comments", "reader comments", "responses", "discussion"],
        CommentPrompts = ["leave a comment", "leave a reply", "add a comment", "post a comment", "write a comment"],
        ShareLabels = ["share", "print", "email this"],
        TagLabels = ["tags", "topics", "keywords"],
        AuthorLabels = ["author", "by", "written by", "words by", "text by", "reporting by"],
        PhotoLabels = ["photo", "photo credit", "image", "picture", "video"],
        HomeLinks = ["home"],
        SiteLines = ["skip to content", "skip to main content", "advertisement"],
        SiteLineStarts = ["all rights reserved"],
    };

    public static readonly PageWords[] All = [Russian, Kazakh, English];

    /// <summary>The phrases of every language, longest first, as one regex alternation; a space matches any white space.</summary>
    public static string Alternation(Func<PageWords, string[]> phrases) =>
        string.Join('|', All.SelectMany(phrases).Distinct().OrderByDescending(p => p.Length)
            .Select(p => System.Text.RegularExpressions.Regex.Escape(p).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
}
