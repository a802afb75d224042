using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestBot.Core.Rendering;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Conversation;

/// <summary>Every text the bot shows exists in English, Russian and Kazakh, and each is valid Telegram HTML.</summary>
public partial class MessagesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "DigestBot", "Localization");

    public static TheoryData<string> Languages => new() { "ru", "kk" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_exists_in_each_language_with_the_same_placeholders(string language)
    {
        var english = Read("Messages.resx");
        var other = Read($"Messages.{language}.resx");

        other.Keys.Should().BeEquivalentTo(english.Keys);
        foreach (var (key, text) in english)
        {
            Placeholders(other[key]).Should().BeEquivalentTo(Placeholders(text), $"{key} in {language} takes the same arguments");
        }
    }

    [Theory]
    [InlineData("Messages.resx")]
    [InlineData("Messages.ru.resx")]
    [InlineData("Messages.kk.resx")]
    public void Every_text_is_valid_Telegram_HTML_with_its_arguments_filled_in(string file)
    {
        foreach (var (key, text) in Read(file))
        {
            text.Should().NotBeNullOrWhiteSpace(key);
            var filled = Placeholder().Replace(text, "x");
            TelegramHtmlValidator.Validate(filled).IsValid.Should().BeTrue($"{key} in {file}: {filled}");
        }
    }

    internal static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
