using System.Text;
using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Importing;

public class ArticleImporterTests
{
    private const string Story = """
        ---
        title: Астанада жаңа кітапхана ашылды
        source: example.kz
        language: kk
        published: 2025-12-25
        topics: [culture, education]
        ---
        Астанада жаңа қалалық кітапхана ашылды. Оқырмандарға жүз мыңнан астам кітап ұсынылады.

        Кітапхана күн сайын таңғы сегізден кешкі сегізге дейін жұмыс істейді.
        """;

    [Fact]
    public async Task The_bundled_seeds_import_into_one_article_each()
    {
        await using var host = await TestHost.StartAsync();

        var report = await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);

        report.SkippedFiles.Should().Be(0);
        report.Added.Should().Be(5);
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(5);
        (await db.ArticleOrigins.CountAsync()).Should().Be(5);
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        await importer.ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var before = await Snapshot(host);

        var again = await importer.ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);

        again.Added.Should().Be(0);
        again.Updated.Should().Be(0);
        again.Unchanged.Should().Be(5);
        (await Snapshot(host)).Should().Equal(before);
    }

    [Fact]
    public async Task One_id_on_two_lines_of_a_json_lines_file_keeps_the_first_text()
    {
        await using var host = await TestHost.StartAsync();
        var file = host.Folder.Write("in/dup.jsonl",
            "{\"id\": \"a-1\", \"title\": \"Курс тенге\", \"text\": \"Курс тенге укрепился к доллару на утренних торгах биржи.\"}\n" +
            "{\"id\": \"a-1\", \"title\": \"Курс тенге\", \"text\": \"Курс тенге ослаб к доллару на вечерних торгах биржи.\"}\n");

        var report = await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None);

        report.Added.Should().Be(1);
        report.Unchanged.Should().Be(1);
        await using var db = host.Db();
        (await db.Articles.SingleAsync()).Body.Should().Contain("укрепился");
    }

    [Fact]
    public async Task The_same_text_under_another_file_name_is_one_article()
    {
        await using var host = await TestHost.StartAsync();
        var first = host.Folder.Write("in/library.md", Story);
        var copy = host.Folder.Write("in/library-copy.md", Story.Replace("\n", "\r\n"));

        var report = await host.Get<ArticleImporter>().ImportAsync([first, copy], CancellationToken.None);

        report.Added.Should().Be(1);
        report.Unchanged.Should().Be(1);
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(1);
        (await db.ArticleOrigins.Select(o => o.ArticleId).Distinct().CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task An_edited_file_updates_its_article_in_place()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        var path = host.Folder.Write("in/library.md", Story);
        await importer.ImportAsync([path], CancellationToken.None);
        long id;
        await using (var db = host.Db())
        {
            id = (await db.Articles.SingleAsync()).Id;
        }

        host.Folder.Write("in/library.md", Story.Replace("жүз мыңнан", "екі жүз мыңнан"));
        var report = await importer.ImportAsync([path], CancellationToken.None);

        report.Updated.Should().Be(1);
        await using var after = host.Db();
        var article = await after.Articles.Include(a => a.Topics).SingleAsync();
        article.Id.Should().Be(id, "readers' links to the article keep working");
        article.Body.Should().Contain("екі жүз мыңнан");
        article.Topics.Select(t => t.TopicId).Should().BeEquivalentTo("culture", "education");
    }

    [Fact]
    public async Task Editing_one_of_two_copies_keeps_the_other_copy_article()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        var first = host.Folder.Write("in/a.md", Story);
        var second = host.Folder.Write("in/b.md", Story);
        await importer.ImportAsync([first, second], CancellationToken.None);

        host.Folder.Write("in/b.md", Story.Replace("кітапхана", "мұражай"));
        await importer.ImportAsync([first, second], CancellationToken.None);

        await using var db = host.Db();
        var bodies = await db.Articles.Select(a => a.Body).ToListAsync();
        bodies.Should().HaveCount(2);
        bodies.Should().ContainSingle(b => b.Contains("мұражай"));
        bodies.Should().ContainSingle(b => !b.Contains("мұражай"));
    }

    [Fact]
    public async Task An_edit_that_repeats_another_file_leaves_no_orphan_article()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        var other = Story.Replace("кітапхана", "мұражай");
        var first = host.Folder.Write("in/a.md", Story);
        var second = host.Folder.Write("in/b.md", other);
        await importer.ImportAsync([first, second], CancellationToken.None);

        host.Folder.Write("in/b.md", Story);
        await importer.ImportAsync([second], CancellationToken.None);

        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(1);
        (await db.ArticleOrigins.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Bad_files_are_skipped_with_a_reason_and_the_rest_is_imported()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        await importer.ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var good = host.Folder.Write("in/good.md", Story);
        var empty = host.Folder.Write("in/empty.txt", "   \n\n  ");
        var binary = host.Folder.Write("in/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);
        var huge = host.Folder.Write("in/huge.txt", new string('а', (int)host.Get<Core.Importing.DocumentReader>().MaxFileBytes + 10));
        var missing = host.Folder.File("in/missing.txt");

        var report = await importer.ImportAsync([empty, binary, good, huge, missing], CancellationToken.None);

        report.Added.Should().Be(1);
        report.SkippedFiles.Should().Be(4);
        report.Files.Where(f => f.Skipped).Should().OnlyContain(f => !string.IsNullOrWhiteSpace(f.SkipReason));
        var reader = host.Get<Core.Importing.DocumentReader>();
        report.Files.Single(f => f.Path == huge).SkipReason.Should().Be(reader.TooLarge(2 * (reader.MaxFileBytes + 10)), "the size is in bytes, two per Cyrillic letter");
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(6, "the five seeds stay and the good file is added");
    }

    [Fact]
    public async Task An_escaped_NUL_in_a_long_json_lines_body_is_dropped_and_the_whole_body_stored()
    {
        await using var host = await TestHost.StartAsync();
        var filler = string.Join(' ', Enumerable.Repeat("Депутаты обсудили поправки к бюджету на следующий год.", 30));
        var path = host.Folder.Write("in/bulk.jsonl", $$"""{"id": "nul", "title": "Закон принят", "body": "{{filler}} Сенат одобрил закон.\u0000Закон вступит в силу через десять дней."}""");

        var report = await host.Get<ArticleImporter>().ImportAsync([path], CancellationToken.None);

        report.Added.Should().Be(1);
        await using var db = host.Db();
        var article = await db.Articles.SingleAsync();
        article.Body.Should().EndWith("Закон вступит в силу через десять дней.").And.NotContain("\0");
        article.WordCount.Should().Be(Core.Importing.ArticleDraft.CountWords(article.Body));
    }

    [Fact]
    public async Task Windows_1251_text_is_imported_as_Cyrillic()
    {
        await using var host = await TestHost.StartAsync();
        var cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var text = "В Караганде открыли новый мост\n\nМост через реку Букпа открыли для движения в понедельник. Его длина составляет 120 метров.";
        var path = host.Folder.Write("in/cp1251.txt", cp1251.GetBytes(text));

        var report = await host.Get<ArticleImporter>().ImportAsync([path], CancellationToken.None);

        report.Added.Should().Be(1);
        await using var db = host.Db();
        (await db.Articles.SingleAsync()).Body.Should().Contain("Мост через реку Букпа");
    }

    [Fact]
    public async Task A_folder_gives_its_seed_files_but_not_its_documentation()
    {
        await using var host = await TestHost.StartAsync();
        host.Folder.Write("seeds/README.md", "# How to add seeds\n\nDrop files here. This is documentation, not news.");
        host.Folder.Write("seeds/topics.json", "{\"topics\": []}");
        host.Folder.Write("seeds/nested/library.md", Story);

        var report = await host.Get<ArticleImporter>().ImportAsync([host.Folder.File("seeds")], CancellationToken.None);

        report.Files.Select(f => Path.GetFileName(f.Path)).Should().Equal("library.md");
    }

    private static async Task<List<string>> Snapshot(TestHost host)
    {
        await using var db = host.Db();
        return await db.Articles.OrderBy(a => a.Id)
            .Select(a => a.Id + "|" + a.ContentHash + "|" + a.UpdatedAt + "|" + a.Title)
            .ToListAsync();
    }
}
