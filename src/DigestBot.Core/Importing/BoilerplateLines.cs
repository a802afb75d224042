using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Recognises the lines a scraped page carries besides its article: counters, credits, widgets, calls to subscribe.</summary>
internal static partial class BoilerplateLines
{
    /// <summary>Lines longer than this are prose even when they mention a photo, a channel or a source.</summary>
    private const int MaxNoiseLength = 300;

    /// <summary>Noise that may stand anywhere on a page, in the header as well as between or after paragraphs.</summary>
    public static bool IsNoise(string line) =>
        IsDebris(line)
        || ViewCounter().IsMatch(line)
        || ViewWord().IsMatch(line)
        || IsPhotoCredit(line)
        || TemplateArtifact().IsMatch(line)
        || IsSubscribeCall(line)
        || Boilerplate().IsMatch(line)
        || IsAttribution(line)
        || IsBareDomain(line)
        || InlineReadAlso().IsMatch(line)
        || PublishedDateParser.IsDateLine(line, out _);

    /// <summary>Noise that only the header of a page carries: bylines and a view counter followed by the author's name.</summary>
    public static bool IsHeaderNoise(string line) => IsNoise(line) || IsByline(line) || CounterWithName().IsMatch(line);

    public static bool IsByline(string line) =>
        line.Length <= 160 && !EndsSentence(line) && (Byline().IsMatch(line) || AuthorLabel().IsMatch(line));

    /// <summary>The heading of the readers' comments ("Комментарии", "Отзывы читателей (2): …", "Пікірлер (3)"): on a page
    /// they follow the article, so nothing after it is the article's. A heading that runs on into text needs its count,
    /// so that a paragraph merely starting with the word stays.</summary>
    public static bool OpensComments(string line) =>
        CommentsHeading().Match(line) is { Success: true } heading
        && (heading.Groups["count"].Success || heading.Length == line.Length);

    [GeneratedRegex(@"^(?:комментарии|отзывы(?: читателей)?|пікірлер|оқырман пікірлері|comments|reader comments)(?:\s*\((?<count>\d+)\))?\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsHeading();

    /// <summary>A heading such as "Читайте также" or "Популярное" that opens a list of links to other pages.</summary>
    public static bool IsWidgetHeading(string line) => WidgetHeading().IsMatch(line);

    /// <summary>"Источник: zakon.kz" and the like; the source is kept as metadata, not as a paragraph.</summary>
    public static bool IsAttribution(string line) => line.Length <= 120 && Attribution().IsMatch(line);

    /// <summary>A domain has no space; checking that first spares the pattern the prose lines.</summary>
    public static bool IsBareDomain(string line) => !line.Contains(' ') && BareDomain().IsMatch(line);

    /// <summary>A teaser cut off by the page with an ellipsis.</summary>
    public static bool IsTruncated(string line) => line.EndsWith('…') || line.EndsWith("...", StringComparison.Ordinal);

    /// <summary>Ends with sentence punctuation, possibly inside closing quotes or brackets.</summary>
    public static bool EndsSentence(string line)
    {
        var end = line.AsSpan().TrimEnd("»\"”’')]");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>More than one sentence: a full stop, question or exclamation mark followed by a capitalised word.</summary>
    public static bool HasSeveralSentences(string line) => SentenceBreak().IsMatch(line);

    private static bool IsDebris(string line)
    {
        var letters = 0;
        foreach (var ch in line)
        {
            if (char.IsLetter(ch) && ++letters >= 2)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPhotoCredit(string line) =>
        line.Length <= 150 && (line.StartsWith('©') || PhotoCredit().IsMatch(line));

    /// <summary>The call to follow is tested first: a channel name starts with letters that begin half the words of a line.</summary>
    private static bool IsSubscribeCall(string line) =>
        line.Length <= MaxNoiseLength && CallToFollow().IsMatch(line) && SocialChannel().IsMatch(line);

    /// <summary>"12 345", "1.2K", "834 просмотра", "1 024 рет оқылды" ("рет" counts times in Kazakh).</summary>
    [GeneratedRegex(@"^\d{1,3}(?:[\s,.'’]?\d{3})*(?:[.,]\d)?\s*[KkКкMМ]?(?:\s*(?:просмотр\p{L}*|(?:рет\s+)?(?:оқылды|қаралды|көрілді)|views?|reads?))?$")]
    private static partial Regex ViewCounter();

    [GeneratedRegex(@"^(?:просмотр\p{L}*|оқылды|қаралды|көрілді|views?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ViewWord();

    /// <summary>"364 Арман": a counter, then the author's given name and maybe surname.</summary>
    [GeneratedRegex(@"^\d[\d\s,.]{0,12}\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?$")]
    private static partial Regex CounterWithName();

    /// <summary>"Маулен Ашимбаев, председатель Сената": a capitalised name of two or three words, a comma, a lowercase title.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?[\p{L}'’-]*){1,2}\s*,\s*\p{Ll}")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:автор(?:ы)?|author|by|мақала авторы|текст|подготовил[аи]?|дайындаған|written by)\s*[:\s]\s*\p{Lu}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"^(?:©\s*)?(?:фото|фотосурет|сурет|видео|photo|image|коллаж|иллюстрация|инфографика)(?:\s*(?:[:|/—–-]|из\b|с сайта|автора|пресс-службы|ашық)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"\[\[[^\]]*\]\]|\{\{[^}]*\}\}")]
    private static partial Regex TemplateArtifact();

    [GeneratedRegex(@"telegram|телеграм|instagram|инстаграм|whatsapp|facebook|фейсбук|youtube|ютуб|tiktok|тикток|вконтакте|\bvk\b|соцсет|канал|\bарна(?:сы|сына|сынан|мыз|мызға|мызда|ға|да)?\b|newsletter|рассылк", RegexOptions.IgnoreCase)]
    private static partial Regex SocialChannel();

    [GeneratedRegex(@"подписывайтесь|подпишитесь|присоединяйтесь|следите|читайте нас|будьте в курсе|жазылыңыз|жазылу|қосылыңыз|таба аласыз|бақылаңыз|оқыңыз|subscribe|follow us|join us|stay tuned", RegexOptions.IgnoreCase)]
    private static partial Regex CallToFollow();

    /// <summary>Site-wide lines; ad slots are often framed by dashes ("- Advertisement -").</summary>
    [GeneratedRegex(@"^[-–—\s]*(?:мы работаем для вас|перейти к (?:содержимому|содержанию|основному содержанию)|мазмұнға өту|skip to (?:main )?content|будьте в курсе всех событий|все права защищены.*|барлық құқықтар қорғалған.*|all rights reserved.*|нашли ошибку\?.*|если вы нашли ошибку.*|қате тапсаңыз.*|при (?:использовании|копировании|цитировании) материалов.*|материалдарды (?:көшіріп|пайдаланған).*|реклама|жарнама|advertisement|(?:мы используем|(?:наш )?сайт использует|біз|сайт|this (?:web)?site uses|we use) (?:файлы |файлдарын |cookie-файлдар\p{L}* )?cookies?\b.{0,200})[-–—.!\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"^(?:источник|дереккөз|дерек көзі|source|по материалам)\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"^(?:читайте (?:также|еще|ещё)|смотрите также|тағы оқыңыз|тағы да оқыңыз|оқи отырыңыз|read (?:also|more)|see also|check also|related|also read)\s*[:—–-]\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex InlineReadAlso();

    [GeneratedRegex(@"^(?:читайте (?:также|еще|ещё)|смотрите также|популярное|популярные (?:новости|материалы)|самое (?:читаемое|популярное)|похожие (?:новости|материалы|статьи)|другие новости|последние новости|новости по теме|по теме|рекомендуем|архив|теги|комментарии|отзывы(?: читателей)?|поделиться|тағы (?:да )?оқыңыз|оқи отырыңыз|ұқсас (?:жаңалықтар|материалдар)|соңғы жаңалықтар|көп оқылғандар|танымал(?: жаңалықтар)?|тақырыпқа қатысты|мұрағат|пікірлер|бөлісу|check also|read (?:also|more)|see also|related(?: news| posts| articles| stories)?|you may also like|popular|most read|latest news|more news|archive|tags|comments|reader comments|share)(?:\s*\(\d+\))?\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetHeading();

    [GeneratedRegex(@"\p{Ll}[.!?]\s+[«""]?\p{Lu}")]
    private static partial Regex SentenceBreak();
}
