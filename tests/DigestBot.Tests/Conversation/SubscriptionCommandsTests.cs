using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Features.Digests;
using DigestBot.Tests.Infrastructure;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Conversation;

/// <summary>/subscribe, /unsubscribe, /time, /timezone and /settings on a real SQLite store.</summary>
public sealed class SubscriptionCommandsTests : IAsyncLifetime
{
    private static readonly Chat Private = new() { Id = 7, Type = ChatType.Private, FirstName = "Dana" };
    private TestHost host = null!;
    private readonly UserUpdates updates = new(Private, "Dana");

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Subscribe_uses_the_defaults_and_says_when_the_digest_comes()
    {
        var reply = await SayAsync("/subscribe", "ru");

        reply.Should().Contain("каждый день в <b>09:00</b> (Asia/Almaty), все темы");
        var subscription = await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None);
        subscription!.Time.Should().Be(new TimeOnly(9, 0));
        subscription.TimeZone.Should().Be("Asia/Almaty");
        subscription.Active.Should().BeTrue();
    }

    [Fact]
    public async Task Subscribe_with_topics_in_any_language_covers_only_those()
    {
        var reply = await SayAsync("/subscribe политика, Sport", "kk");

        reply.Should().Contain("Саясат").And.Contain("Спорт");
        (await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None))!.TopicIds.Should().Equal("politics", "sport");
    }

    [Fact]
    public async Task Subscribe_with_an_unknown_topic_names_it_and_changes_nothing()
    {
        var reply = await SayAsync("/subscribe politics <b>cats</b>", "en");

        reply.Should().Contain("&lt;b&gt;cats&lt;/b&gt;");
        (await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("/time 7:30", "07:30", "Asia/Almaty")]
    [InlineData("/timezone London", "09:00", "Europe/London")]
    [InlineData("/timezone utc+3", "09:00", "UTC+03:00")]
    [InlineData("/timezone Ақтөбе", "09:00", "Asia/Aqtobe")]
    public async Task Time_and_zone_change_when_the_digest_comes(string command, string time, string zone)
    {
        await SayAsync("/subscribe", "en");

        var reply = await SayAsync(command, "en");

        reply.Should().Contain($"<b>{time}</b>").And.Contain(zone);
        var subscription = await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None);
        Core.Schedules.DigestTime.Format(subscription!.Time).Should().Be(time);
        subscription.TimeZone.Should().Be(zone);
    }

    [Theory]
    [InlineData("/time 25:00", "HH:MM")]
    [InlineData("/time", "HH:MM")]
    [InlineData("/timezone Mars/Olympus", "I do not know the time zone «Mars/Olympus»")]
    [InlineData("/timezone", "Send a time zone")]
    public async Task Bad_times_and_zones_get_a_clear_answer(string command, string expected)
    {
        await SayAsync("/subscribe", "en");

        (await SayAsync(command, "en")).Should().Contain(expected);
    }

    [Fact]
    public async Task Changing_the_time_before_subscribing_says_how_to_subscribe()
    {
        (await SayAsync("/time 08:00", "ru")).Should().Contain("/subscribe");
    }

    [Fact]
    public async Task Unsubscribe_stops_the_digest()
    {
        await SayAsync("/subscribe", "en");

        (await SayAsync("/unsubscribe", "en")).Should().Contain("Unsubscribed");
        (await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None)).Should().BeNull();
        (await SayAsync("/unsubscribe", "en")).Should().Contain("not subscribed");
    }

    [Fact]
    public async Task Settings_show_everything_and_their_buttons_change_it()
    {
        await SayAsync("/subscribe", "en");
        var settings = await DispatchAsync(Message("/settings", "en"));
        var message = settings.Sent.Single().Message;
        message.Html.Should().Contain("every day at 09:00 (Asia/Almaty)").And.Contain("Topics: all topics");
        var london = message.Buttons!.SelectMany(r => r).Single(b => b.Text == "London");

        var pressed = await DispatchAsync(Press(london.CallbackData!, "en"));

        pressed.Answers.Should().ContainSingle();
        pressed.Sent.Single().Message.Html.Should().Contain("every day at 09:00 (Europe/London)");
        pressed.Sent.Single().Message.Buttons!.SelectMany(r => r).Should().Contain(b => b.Text == "✓ London");
    }

    [Fact]
    public async Task Digest_now_sends_the_last_day_with_a_dated_header_in_the_readers_language()
    {
        await host.Get<DigestBot.Importing.ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);

        var replies = await DispatchAsync(Message("/digest", "kk"));

        var html = string.Join("\n", replies.Sent.Select(s => s.Message.Html));
        html.Should().StartWith("<b>Жаңалықтар дайджесі</b>");
        html.Should().Contain(Core.Localization.DateWords.FormatWithWeekday(DateOnly.FromDateTime(DateTime.UtcNow), Core.Articles.Language.Kk));
        html.Should().Contain("Бейбітшілік және келісім керуені");
        replies.Sent.Should().OnlyContain(s => TelegramHtmlValidator.Validate(s.Message.Html).IsValid && s.Message.Html.Length <= TelegramHtml.MaxMessageLength);
    }

    [Fact]
    public async Task Filters_are_kept_shown_and_applied_to_the_digest()
    {
        await host.Get<DigestBot.Importing.ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        await SayAsync("/subscribe", "ru");

        var set = await SayAsync("/filter +Беларусь -<script>", "ru");
        var shown = await SayAsync("/filter", "ru");
        var digest = await DispatchAsync(Message("/digest", "ru"));

        set.Should().Contain("Готово").And.Contain("+беларус");
        shown.Should().Contain("Ваши фильтры: +беларус");
        var html = string.Join("\n", digest.Sent.Select(s => s.Message.Html));
        html.Should().Contain("Беларусь").And.NotContain("В Алматы подвели итоги");
    }

    [Fact]
    public async Task A_filter_that_leaves_nothing_gets_a_clear_answer_and_clear_removes_it()
    {
        await host.Get<DigestBot.Importing.ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        await SayAsync("/subscribe", "en");
        await SayAsync("/filter +квазиэлектромобиль", "en");

        (await SayAsync("/digest", "en")).Should().Contain("Nothing new in the last 24 hours");
        (await SayAsync("/filter clear", "en")).Should().Contain("no filters");
        (await host.Get<SubscriptionStore>().FindAsync(Private.Id, CancellationToken.None))!.Filters.Should().BeEmpty();
    }

    [Fact]
    public async Task In_a_group_subscribe_points_to_the_admins_command()
    {
        var group = new Chat { Id = -100777, Type = ChatType.Supergroup, Title = "Team" };

        var replies = await DispatchAsync(Message("/subscribe", "en", group));

        replies.Sent.Single().Message.Html.Should().Contain("/schedule");
    }

    private async Task<string> SayAsync(string text, string language)
    {
        var replies = await DispatchAsync(Message(text, language));
        var html = replies.Sent.Single().Message.Html;
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue(html);
        return html;
    }

    private Task<RecordingReplies> DispatchAsync(Update update) => host.DispatchAsync(update);

    private Update Message(string text, string language, Chat? chat = null) => updates.Message(text, language, chat);

    private Update Press(string data, string language) => updates.Press(data, language, messageId: 5);
}
