using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Conversation;

/// <summary>The dispatcher and handlers on a real SQLite store with the seeds, answering into a recording sink.</summary>
public sealed class DispatcherTests : IAsyncLifetime
{
    private static readonly Chat Private = new() { Id = 42, Type = ChatType.Private, FirstName = "Aigerim" };
    private static readonly Chat Group = new() { Id = -100500, Type = ChatType.Supergroup, Title = "Newsroom" };
    private TestHost host = null!;
    private readonly UserUpdates updates = new(Private, "Aigerim");

    public async Task InitializeAsync()
    {
        host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") });
        await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("someone-elses-data")]
    [InlineData("v1:latest")]
    [InlineData("v1:latest:abc:5")]
    [InlineData("v1:latest:1:500")]
    [InlineData("v1:topic:no-such-topic:0")]
    [InlineData("v1:search:0000000000000000:1")]
    [InlineData("v1:lang:de")]
    [InlineData("v1:nosuchaction:1")]
    [InlineData("v9:latest:1:5")]
    [InlineData("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂")]
    public async Task Every_stale_or_foreign_button_press_is_answered_once_and_says_so(string? data)
    {
        var replies = await DispatchAsync(Press(data, "ru"));

        replies.Answers.Should().ContainSingle().Which.Notice.Should().Be("Эта кнопка устарела. Отправьте команду ещё раз.");
        replies.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task A_press_on_a_message_too_old_to_be_sent_along_is_still_answered()
    {
        var update = updates.PressWithoutMessage("old", CallbackData.Build("latest", "1", "5"), "en");

        var replies = await DispatchAsync(update);

        replies.Answers.Should().ContainSingle().Which.Id.Should().Be("old");
    }

    [Fact]
    public async Task More_answers_the_press_removes_the_used_button_and_sends_the_next_page()
    {
        var replies = await DispatchAsync(Press(CallbackData.Build("latest", "1", "2"), "en", messageId: 77));

        replies.Answers.Should().ContainSingle().Which.Notice.Should().BeNull();
        replies.ButtonsRemoved.Should().ContainSingle().Which.Should().Be((Private.Id, 77));
        replies.Sent.Should().ContainSingle().Which.Message.Html.Should().Contain("page 2");
    }

    [Fact]
    public async Task The_chosen_language_wins_over_the_Telegram_language()
    {
        await DispatchAsync(Press(CallbackData.Build("lang", "kk"), "ru"));

        var replies = await DispatchAsync(Command("/help", "ru"));

        replies.Sent.Single().Message.Html.Should().Contain("жаңалықтарды");
    }

    [Theory]
    [InlineData("en", "<b>DigestBot</b> keeps news articles")]
    [InlineData("ru", "<b>DigestBot</b> собирает новости")]
    [InlineData("kk", "<b>DigestBot</b> жаңалықтарды жинап")]
    public async Task Help_says_what_the_bot_does_then_gives_a_line_per_command_in_the_order_of_the_menus(string language, string intro)
    {
        await DispatchAsync(Press(CallbackData.Build("lang", language), "en"));

        var lines = (await DispatchAsync(Command("/help", language))).Sent.Single().Message.Html.Split('\n');

        lines[0].Should().StartWith(intro);
        lines[1].Should().BeEmpty();
        lines[2..].Select(l => l.Split(' ')[0]).Should().Equal(
            "/latest", "/search", "/topic", "/subscribe", "/time", "/digest", "/schedule", "/settings", "/language", "/help");
    }

    [Fact]
    public async Task A_group_gets_no_answer_to_plain_text_but_a_private_chat_does()
    {
        (await DispatchAsync(Message("hello everyone", "en", Group))).Sent.Should().BeEmpty();
        (await DispatchAsync(Message("hello", "en", Private))).Sent.Single().Message.Html.Should().Contain("/help");
    }

    [Theory]
    [InlineData("/LATEST 1", true)]
    [InlineData("/latest@DigestBot 1", true)]
    [InlineData("/latest@digestbot 1", true)]
    [InlineData("/latest@OtherBot 1", false)]
    public async Task Commands_are_matched_in_any_case_and_only_when_addressed_to_this_bot(string text, bool answered)
    {
        var replies = await DispatchAsync(Message(text, "en", Group));

        replies.Sent.Should().HaveCount(answered ? 1 : 0);
    }

    [Theory]
    [InlineData("/start", "ru")]
    [InlineData("/help", "kk")]
    [InlineData("/language", "en")]
    [InlineData("/latest 20", "ru")]
    [InlineData("/topic", "kk")]
    [InlineData("/topic политика", "ru")]
    [InlineData("/topic <script>alert(1)</script>", "en")]
    [InlineData("/search \"Ассамблея народа\" -Алматы", "ru")]
    [InlineData("/search <b>&amp;</b> NEAR( title:x ^y", "en")]
    [InlineData("/unknown_command_with_<tags>", "kk")]
    public async Task Every_reply_is_valid_Telegram_HTML_within_the_limits(string text, string language)
    {
        var replies = await DispatchAsync(Message(text, language, Private));

        replies.Sent.Should().NotBeEmpty();
        foreach (var (_, message) in replies.Sent)
        {
            foreach (var part in MessageSplitter.Split(message.Html))
            {
                TelegramHtmlValidator.Validate(part).IsValid.Should().BeTrue(part);
                part.Length.Should().BeLessThanOrEqualTo(TelegramHtml.MaxMessageLength);
            }

            foreach (var button in (message.Buttons ?? []).SelectMany(row => row))
            {
                System.Text.Encoding.UTF8.GetByteCount(button.CallbackData ?? "").Should().BeLessThanOrEqualTo(CallbackData.MaxBytes);
            }
        }
    }

    private Task<RecordingReplies> DispatchAsync(Update update) => host.DispatchAsync(update);

    private Update Command(string text, string language) => updates.Message(text, language);

    private Update Message(string text, string language, Chat chat) => updates.Message(text, language, chat);

    private Update Press(string? data, string language, int messageId = 1) => updates.Press(data, language, messageId);
}
