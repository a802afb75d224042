using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>
/// Recognises the lines a scraped page carries besides its article: counters, credits, widgets, calls to subscribe. The words
/// of each kind, per language, are in <see cref="PageVocabulary"/>; this class holds the shapes around them.
/// </summary>
internal static partial class BoilerplateLines
{
    /// <summary>Lines longer than this are prose even when they mention a photo, a channel or a source.</summary>
    private const int MaxNoiseLength = 300;

    /// <summary>A call to follow that does not open its line is noise only in a short line; in a longer one it is prose.</summary>
    private const int MaxInlineCallLength = 160;

    /// <summary>A share bar is a label and a few network names.</summary>
    private const int MaxShareLineLength = 60;

    private const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>The digits of a count: "12 345", "1,142", "1.2K".</summary>
    private const string Count = @"\d{1,3}(?:[\s,.'’]?\d{3})*(?:[.,]\d)?\s*[KkКкMМ]?";

    private static readonly string CounterWords = PageVocabulary.Alternation(w => w.CounterWords);

    /// <summary>"12 345", "834 просмотра", "1 024 рет оқылды", "Просмотров: 1 204", "Views 3,417".</summary>
    private static readonly Regex ViewCounter = new($@"^(?:{Count}(?:\s*(?:{CounterWords}))?|(?:{CounterWords})\s*:?\s*{Count})$", Words);

    private static readonly Regex ViewWord = new($@"^(?:{CounterWords})$", Words);

    private static readonly Regex AuthorLabel = new($@"^(?:{PageVocabulary.Alternation(w => w.AuthorLabels)})\s*[:\s]\s*\p{{Lu}}", Words);

    private static readonly Regex PhotoCredit = new(
        $@"^(?:©\s*)?(?:{PageVocabulary.Alternation(w => w.PhotoLabels)})(?:\s*(?:[:|/—–-]|из\b|с сайта|автора|пресс-службы|ашық)|$)", Words);

    private static readonly Regex SocialChannel = new($@"\b(?:{PageVocabulary.Alternation(w => w.Channels)})|\bvk\b", Words);

    private static readonly Regex CallToFollow = new($@"(?<!\p{{L}})(?:{PageVocabulary.Alternation(w => w.CallsToFollow)})(?!\p{{L}})", Words);

    /// <summary>Site-wide lines; ad slots are often framed by dashes ("- Advertisement -").</summary>
    private static readonly Regex SiteLine = new(
        $@"^[-–—\s]*(?:(?:{PageVocabulary.Alternation(w => w.SiteLines)})[-–—.!\s]*$|(?:{PageVocabulary.Alternation(w => w.SiteLineStarts)})(?!\p{{L}}))", Words);

    private static readonly Regex Attribution = new($@"^(?:{PageVocabulary.Alternation(w => w.SourceLabels)})\s*:\s*\S", Words);

    private static readonly Regex InlineReadAlso = new($@"^(?:{PageVocabulary.Alternation(w => w.InlineRelated)})\s*[:—–-]\s*\S", Words);

    private static readonly Regex WidgetHeading = new(
        $@"^(?:{PageVocabulary.Alternation(w => [.. w.RelatedHeadings, .. w.TagLabels])})(?:\s*\(\d+\))?\s*:?$", Words);

    /// <summary>"Комментарии", "Отзывы читателей (2): …", "Comments 12", "Пікір қалдыру".</summary>
    private static readonly Regex CommentsHeading = new(
        $@"^(?:(?:{PageVocabulary.Alternation(w => w.CommentHeadings)})(?:\s*\(?(?<count>\d+)\)?)?|(?<prompt>{PageVocabulary.Alternation(w => w.CommentPrompts)}))\s*[:.!]?", Words);

    private static readonly Regex TagLine = new($@"^(?:{PageVocabulary.Alternation(w => w.TagLabels)})\s*:\s*\S", Words);

    /// <summary>"Поделиться в: Telegram WhatsApp", "Share this article", "Share on X", "Поделитесь новостью с друзьями".</summary>
    private static readonly Regex ShareLine = new($@"^(?:{PageVocabulary.Alternation(w => w.ShareLabels)})(?!\p{{L}})", Words);

    /// <summary>"Главная / Экономика", "Басты бет » Әдебиет", "Home › Nation".</summary>
    private static readonly Regex HomeBreadcrumb = new($@"^(?:{PageVocabulary.Alternation(w => w.HomeLinks)})\s*(?:[/>»›|→]|$)", Words);

    /// <summary>Noise that may stand anywhere on a page, in the header as well as between or after paragraphs.</summary>
    public static bool IsNoise(string line) =>
        IsDebris(line)
        || ViewCounter.IsMatch(line)
        || ViewWord.IsMatch(line)
        || IsPhotoCredit(line)
        || TemplateArtifact().IsMatch(line)
        || IsSubscribeCall(line)
        || SiteLine.IsMatch(line)
        || IsCookieNotice(line)
        || IsAttribution(line)
        || IsBareDomain(line)
        || InlineReadAlso.IsMatch(line)
        || IsLabelledByline(line)
        || IsTagLine(line)
        || IsShareLine(line)
        || IsChannelName(line)
        || HomeBreadcrumb.IsMatch(line)
        || PublishedDateParser.IsDateLine(line, out _)
        || PublishedDateParser.IsRelativeDateLine(line);

    /// <summary>Noise that only the header of a page carries: bylines, breadcrumbs and a view counter followed by the author's name.</summary>
    public static bool IsHeaderNoise(string line) => IsNoise(line) || IsByline(line) || CounterWithName().IsMatch(line) || IsBreadcrumb(line);

    public static bool IsByline(string line) =>
        line.Length <= 160 && !EndsSentence(line) && (Byline().IsMatch(line) || AuthorLabel.IsMatch(line));

    /// <summary>The heading of the readers' comments ("Комментарии", "Отзывы читателей (2): …", "Пікірлер (3)") or an invitation
    /// to comment: on a page they follow the article, so nothing after it is the article's. A heading that runs on into text
    /// needs its count, so that a paragraph merely starting with the word stays.</summary>
    public static bool OpensComments(string line) =>
        CommentsHeading.Match(line) is { Success: true } heading
        && (heading.Groups["count"].Success || heading.Length == line.Length || (heading.Groups["prompt"].Success && line.Length <= MaxShareLineLength));

    /// <summary>A heading such as "Читайте также" or "Популярное" that opens a list of links to other pages.</summary>
    public static bool IsWidgetHeading(string line) => WidgetHeading.IsMatch(line);

    /// <summary>"Источник: zakon.kz" and the like; the source is kept as metadata, not as a paragraph.</summary>
    public static bool IsAttribution(string line) => line.Length <= 120 && Attribution.IsMatch(line);

    /// <summary>A domain has no space; checking that first spares the pattern the prose lines.</summary>
    public static bool IsBareDomain(string line) => !line.Contains(' ') && BareDomain().IsMatch(line);

    /// <summary>
    /// A breadcrumb: links joined by "/", "&gt;", "»", "›" or "|". Two separators, or short links on both sides of one, tell it
    /// from a headline that happens to hold a slash.
    /// </summary>
    public static bool IsBreadcrumb(string line)
    {
        if (line.Length > 120 || EndsSentence(line))
        {
            return false;
        }

        var links = BreadcrumbSeparator().Split(line);
        return links.Length >= 3 || (links.Length == 2 && links.All(link => link.Length > 0 && link.Split(' ').Length <= 2));
    }

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
        line.Length <= 150 && (line.StartsWith('©') || PhotoCredit.IsMatch(line));

    /// <summary>
    /// The call to follow is tested first: a channel name starts with letters that begin half the words of a line. A call
    /// inside a long line ("Readers can follow the count on Telegram, where…") is prose; one that opens its line is not.
    /// </summary>
    private static bool IsSubscribeCall(string line) =>
        line.Length <= MaxNoiseLength
        && CallToFollow.Match(line) is { Success: true } call
        && (call.Index == 0 || line.Length <= MaxInlineCallLength)
        && SocialChannel.IsMatch(line);

    /// <summary>Cookie banners of every wording: a short line that speaks of cookies.</summary>
    private static bool IsCookieNotice(string line) => line.Length <= 250 && Cookie().IsMatch(line);

    /// <summary>"Автор: Ольга Ли" anywhere on the page; a bare name is only dropped in the header.</summary>
    private static bool IsLabelledByline(string line) => line.Length <= 160 && !EndsSentence(line) && AuthorLabel.IsMatch(line);

    /// <summary>"Теги: …" or a line of hashtags only ("#бокс #Олимпиада2024").</summary>
    private static bool IsTagLine(string line) =>
        (line.Length <= 200 && TagLine.IsMatch(line)) || (line.StartsWith('#') && HashtagsOnly().IsMatch(line));

    private static bool IsShareLine(string line) => line.Length <= MaxShareLineLength && !EndsSentence(line) && ShareLine.IsMatch(line);

    /// <summary>A share bar's buttons, one per line: "Telegram", "WhatsApp", "Facebook".</summary>
    private static bool IsChannelName(string line) => line.Length <= 20 && line.All(char.IsLetter) && SocialChannel.Match(line) is { Success: true, Index: 0 };

    /// <summary>"364 Арман": a counter, then the author's given name and maybe surname.</summary>
    [GeneratedRegex(@"^\d[\d\s,.]{0,12}\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?$")]
    private static partial Regex CounterWithName();

    /// <summary>"Маулен Ашимбаев, председатель Сената": a capitalised name of two or three words, a comma, a lowercase title.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?[\p{L}'’-]*){1,2}\s*,\s*\p{Ll}")]
    private static partial Regex Byline();

    [GeneratedRegex(@"\[\[[^\]]*\]\]|\{\{[^}]*\}\}")]
    private static partial Regex TemplateArtifact();

    [GeneratedRegex(@"\bcookies?\b|cookie-файл|cookie файл", RegexOptions.IgnoreCase)]
    private static partial Regex Cookie();

    [GeneratedRegex(@"^(?:#[\p{L}\d_]+\s*)+$")]
    private static partial Regex HashtagsOnly();

    [GeneratedRegex(@"\s+[/>»›|→]\s+")]
    private static partial Regex BreadcrumbSeparator();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"\p{Ll}[.!?]\s+[«""]?\p{Lu}")]
    private static partial Regex SentenceBreak();
}
