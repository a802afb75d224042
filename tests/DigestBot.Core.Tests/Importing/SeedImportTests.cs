using DigestBot.Core.Articles;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class SeedImportTests
{
    private static readonly DocumentReader Reader = new();

    [Theory]
    [InlineData("000_865274db1c5f6df9.txt", Language.Ru, "Центральная Азия: Роль Ассамблеи народа казахстана в укреплении дружбы и сотрудничества", null, null)]
    [InlineData("001_82a8f7a0c48d4e39.txt", Language.Ru, "Ассамблея народа Казахстана: три десятилетия единства и согласия", null, null)]
    [InlineData("002_bb976cd12282bddc.txt", Language.Kk, "Бейбітшілік және келісім керуені: «AMANAT» партиясында тақырыптық дөңгелек үстел өтті", null, "aikyn.kz")]
    [InlineData("003_df342e71ac7386e8.txt", Language.Ru, "В Алматы подвели итоги 30-летия Ассамблеи народа Казахстана", "2025-12-25T16:46:00+05:00", "zakon.kz")]
    [InlineData("004_96aa271022c17038.txt", Language.Kk, "Қазақстан Республикасының Беларусь Республикасындағы Төтенше және Өкілетті Елшісі Асқар…", null, "dknews.kz")]
    public void Seed_yields_one_article_with_its_metadata(string file, Language language, string title, string? published, string? source)
    {
        var article = ReadSeed(file);

        article.Language.Should().Be(language);
        article.Title.Should().Be(title);
        article.PublishedAt.Should().Be(published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        article.Source.Should().Be(source);
        article.ItemKey.Should().BeEmpty();
        article.Topics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("000_865274db1c5f6df9.txt", "Сегодня в Шымкенте, в университете имени Жумабека Ташенова", "Таким образом, международная конференция, прошедшая в Шымкенте")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Под председательством Президента страны Касым-Жомарта Кемелевича Токаева", "Сенат Парламента Казахстана будет активно участвовать")]
    [InlineData("002_bb976cd12282bddc.txt", "Қоғамдық келісімді, жалпыұлттық бірлікті нығайту", "Дөңгелек үстел барысында ішкі істер, мәдениет министрліктерінің")]
    [InlineData("003_df342e71ac7386e8.txt", "В Доме дружбы состоялась республиканская конференция", "Конференция стала важной площадкой для обмена опытом")]
    [InlineData("004_96aa271022c17038.txt", "Қазақстан Республикасының Беларусь Республикасындағы Төтенше және Өкілетті Елшісі", "Отырыс соңында қатысушылар Қазақстан Республикасы мен Беларусь")]
    public void Seed_body_runs_from_the_first_to_the_last_real_paragraph(string file, string firstParagraph, string lastParagraph)
    {
        var paragraphs = ReadSeed(file).Body.Split("\n\n");

        paragraphs[0].Should().StartWith(firstParagraph);
        paragraphs[^1].Should().StartWith(lastParagraph);
        paragraphs.Should().AllSatisfy(p => p.Should().NotContain("\n").And.NotContain("  ").And.Be(p.Trim()));
    }

    [Theory]
    [InlineData("000_865274db1c5f6df9.txt", 8)]
    [InlineData("001_82a8f7a0c48d4e39.txt", 17)]
    [InlineData("002_bb976cd12282bddc.txt", 8)]
    [InlineData("003_df342e71ac7386e8.txt", 7)]
    [InlineData("004_96aa271022c17038.txt", 13)]
    public void Seed_keeps_every_paragraph_of_the_article(string file, int paragraphCount) =>
        ReadSeed(file).Body.Split("\n\n").Should().HaveCount(paragraphCount);

    [Theory]
    [InlineData("000_865274db1c5f6df9.txt", "Check Also")]
    [InlineData("000_865274db1c5f6df9.txt", "Selena group")]
    [InlineData("000_865274db1c5f6df9.txt", "Шараға ...")]
    [InlineData("000_865274db1c5f6df9.txt", "\u00a0")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "2871")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Маулен Ашимбаев, председатель Сената")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Фото: Акорда")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Популярное")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Аятолла Арафи")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Американский сурок Фил")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Читайте также")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Встречи в формате диалога")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "Архив")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "[[")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "•")]
    [InlineData("002_bb976cd12282bddc.txt", "1,142")]
    [InlineData("002_bb976cd12282bddc.txt", "оқылды")]
    [InlineData("002_bb976cd12282bddc.txt", "Telegram")]
    [InlineData("002_bb976cd12282bddc.txt", "таба аласыз")]
    [InlineData("002_bb976cd12282bddc.txt", "тақырыптық дөңгелек үстел өтті")]
    [InlineData("003_df342e71ac7386e8.txt", "16:46")]
    [InlineData("003_df342e71ac7386e8.txt", "Фото:")]
    [InlineData("003_df342e71ac7386e8.txt", "©")]
    [InlineData("003_df342e71ac7386e8.txt", "Источник")]
    [InlineData("003_df342e71ac7386e8.txt", "Подписывайтесь")]
    [InlineData("003_df342e71ac7386e8.txt", "Мы работаем для Вас")]
    [InlineData("004_96aa271022c17038.txt", "364")]
    [InlineData("004_96aa271022c17038.txt", "Арман")]
    [InlineData("004_96aa271022c17038.txt", "Источник: dknews.kz")]
    public void Seed_body_has_none_of_the_page_noise(string file, string noise) =>
        ReadSeed(file).Body.Should().NotContain(noise);

    [Fact]
    public void Lead_printed_above_the_headline_is_not_repeated_in_the_body()
    {
        const string lead = "Іс-шара «AMANAT» партиясы мен Қазақстан халқы Ассамблеясының қолдауымен";

        var body = ReadSeed("002_bb976cd12282bddc.txt").Body;

        body.Split(lead).Should().HaveCount(2, "the lead sentence opens the second paragraph and must appear exactly once");
    }

    [Fact]
    public void Quotes_and_attributions_inside_paragraphs_stay()
    {
        ReadSeed("004_96aa271022c17038.txt").Body.Should().Contain("передает Деловой Казахстан.").And.Contain("қабылдады» Асқар Бейсенбаев");
        ReadSeed("002_bb976cd12282bddc.txt").Body.Should().Contain("– деп хабарлайды Aikyn.kz");
    }

    [Fact]
    public void Every_seed_file_imports()
    {
        var files = Directory.GetFiles(SeedFiles.Folder).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();

        files.Should().NotBeEmpty();
        files.Should().AllSatisfy(file =>
        {
            var result = Reader.Read(Path.GetFileName(file), File.ReadAllBytes(file));
            result.Skipped.Should().BeFalse(file);
            result.Problems.Should().BeEmpty(file);
        });
    }

    private static ArticleDraft ReadSeed(string file)
    {
        var result = Reader.Read(file, SeedFiles.Read(file));
        result.SkipReason.Should().BeNull();
        return result.Articles.Should().ContainSingle().Subject;
    }
}
