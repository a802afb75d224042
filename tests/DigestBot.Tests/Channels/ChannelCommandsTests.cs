using System.Text.Json.Nodes;
using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Features.Digests;
using DigestBot.TelegramHost;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Channels;

/// <summary>
/// Admin commands for groups and channels, and the bot's own membership changes: the real dispatcher answering through
/// the Bot API client into a <see cref="FakeBotApi"/> that scripts getChat, getChatMember and getMe, on a real SQLite store.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChannelCommandsTests : IAsyncLifetime
{
    private const long AdminId = 7;
    private const long BotId = 999;
    private const long ChannelId = -1001234567890;
    private static readonly Chat Private = new() { Id = AdminId, Type = ChatType.Private, FirstName = "Dana" };
    private static readonly Chat Group = new() { Id = -100500, Type = ChatType.Supergroup, Title = "Newsroom" };

    private FakeBotApi api = null!;
    private TestHost host = null!;
    private TelegramReplies replies = null!;
    private int updateId;

    public async Task InitializeAsync()
    {
        api = await FakeBotApi.StartAsync();
        api.AnswerByDefault("sendMessage", FakeAnswer.Ok(new JsonObject
        {
            ["message_id"] = 1,
            ["date"] = 1_767_225_600,
            ["chat"] = new JsonObject { ["id"] = AdminId, ["type"] = "private" },
        }));
        api.AnswerByDefault("getMe", FakeAnswer.Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Digest", ["username"] = "DigestBot" }));
        host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            ["Telegram:Token"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        replies = new TelegramReplies(host.Get<ITelegramBotClient>(), NullLogger<TelegramReplies>.Instance);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await api.DisposeAsync();
    }

    [Theory]
    [InlineData("administrator")]
    [InlineData("creator")]
    public async Task A_group_admin_schedules_the_groups_digest(string status)
    {
        api.Enqueue("getChatMember", Member(AdminId, status));

        var reply = await SayAsync("/schedule 08:30 London politics, Спорт", Group);

        reply.Should().Contain("Newsroom").And.Contain("<b>08:30</b>").And.Contain("Europe/London").And.Contain("Politics, Sport");
        var asked = api.RequestsFor("getChatMember").Single().Body;
        asked["chat_id"]!.GetValue<long>().Should().Be(Group.Id);
        asked["user_id"]!.GetValue<long>().Should().Be(AdminId);
        var subscription = await FindAsync(Group.Id);
        subscription!.Time.Should().Be(new TimeOnly(8, 30));
        subscription.TimeZone.Should().Be("Europe/London");
        subscription.TopicIds.Should().Equal("politics", "sport");
        subscription.ManagedBy.Should().Be(AdminId);
        subscription.Active.Should().BeTrue();
        (await host.Get<ChatDirectory>().FindAsync(Group.Id, CancellationToken.None))!.Kind.Should().Be("supergroup");
    }

    [Fact]
    public async Task A_group_schedule_without_zone_or_topics_takes_the_default_zone_and_every_topic()
    {
        api.Enqueue("getChatMember", Member(AdminId, "administrator"));

        var reply = await SayAsync("/schedule@DigestBot 7", Group);

        reply.Should().Contain("<b>07:00</b>").And.Contain("Asia/Almaty").And.Contain("all topics");
        (await FindAsync(Group.Id))!.TopicIds.Should().BeEmpty();
    }

    [Theory]
    [InlineData("member")]
    [InlineData("restricted")]
    [InlineData("left")]
    public async Task A_group_member_who_is_not_an_admin_is_refused_and_nothing_is_stored(string status)
    {
        api.Enqueue("getChatMember", Member(AdminId, status));

        var reply = await SayAsync("/schedule 08:30", Group, language: "ru");

        reply.Should().Be("Дайджест группы могут менять только её администраторы.");
        (await FindAsync(Group.Id)).Should().BeNull();
    }

    [Theory]
    [InlineData("/schedule", "/schedule HH:MM")]
    [InlineData("/schedule 25:00", "/schedule HH:MM")]
    [InlineData("/schedule 9:00 Mars/Olympus", "I do not know the time zone «Mars/Olympus»")]
    [InlineData("/schedule 9:00 UTC+99", "I do not know the time zone «UTC+99»")]
    [InlineData("/schedule 9:00 Almaty <b>cats</b>", "I do not know these topics: &lt;b&gt;cats&lt;/b&gt;")]
    public async Task A_bad_time_zone_or_topic_gets_a_clear_answer_before_telegram_is_asked(string command, string expected)
    {
        var reply = await SayAsync(command, Group);

        reply.Should().Contain(expected);
        api.RequestsFor("getChatMember").Should().BeEmpty();
        (await FindAsync(Group.Id)).Should().BeNull();
    }

    [Fact]
    public async Task In_a_private_chat_schedule_without_a_channel_explains_the_admin_commands()
    {
        (await SayAsync("/schedule 08:00", Private)).Should().Contain("/schedule @channel HH:MM");
        (await SayAsync("/unschedule", Private, language: "kk")).Should().Contain("/schedule @арна СС:ММ");
    }

    [Fact]
    public async Task A_channel_admin_schedules_the_channels_digest_from_a_private_chat()
    {
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"), Member(BotId, "administrator", canPost: true, isBot: true));

        var reply = await SayAsync("/schedule @steppe_news 21:00 Astana economy", Private);

        reply.Should().Contain("Steppe &amp; News").And.Contain("<b>21:00</b>").And.Contain("Asia/Almaty").And.Contain("Economy");
        api.RequestsFor("getChat").Single().Body["chat_id"]!.GetValue<string>().Should().Be("@steppe_news");
        api.RequestsFor("getChatMember").Select(r => r.Body["user_id"]!.GetValue<long>()).Should().Equal(AdminId, BotId);
        api.RequestsFor("getChatMember").Should().OnlyContain(r => r.Body["chat_id"]!.GetValue<long>() == ChannelId);
        var subscription = await FindAsync(ChannelId);
        subscription!.ManagedBy.Should().Be(AdminId);
        subscription.Time.Should().Be(new TimeOnly(21, 0));
        var chat = await host.Get<ChatDirectory>().FindAsync(ChannelId, CancellationToken.None);
        chat!.Kind.Should().Be("channel");
        chat.Title.Should().Be("Steppe & News");

        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"), Member(BotId, "administrator", canPost: true, isBot: true));
        (await SayAsync("/schedule @steppe_news 06:15", Private)).Should().Contain("<b>06:15</b>");
        (await FindAsync(ChannelId))!.Time.Should().Be(new TimeOnly(6, 15));
        api.RequestsFor("getMe").Should().ContainSingle("the bot's id is asked once and kept");
    }

    [Theory]
    [InlineData("not found", "I cannot find the channel @steppe_news.")]
    [InlineData("bot not a member", "I am not in the channel @steppe_news.")]
    [InlineData("bot not a member (400)", "I am not in the channel @steppe_news.")]
    [InlineData("user not an admin", "Only the admins of @steppe_news can set up its digest.")]
    [InlineData("bot not an admin", "I cannot post in the channel @steppe_news.")]
    [InlineData("bot may not post", "I cannot post in the channel @steppe_news.")]
    public async Task Each_channel_failure_gets_its_own_answer_and_nothing_is_stored(string failure, string expected)
    {
        switch (failure)
        {
            case "not found":
                api.Enqueue("getChat", FakeAnswer.Error(400, "Bad Request: chat not found"));
                break;
            case "bot not a member":
                ScriptChannel();
                api.Enqueue("getChatMember", FakeAnswer.Error(403, "Forbidden: bot is not a member of the channel chat"));
                break;
            case "bot not a member (400)":
                ScriptChannel();
                api.Enqueue("getChatMember", FakeAnswer.Error(400, "Bad Request: member list is inaccessible"));
                break;
            case "user not an admin":
                ScriptChannel();
                api.Enqueue("getChatMember", Member(AdminId, "member"));
                break;
            case "bot not an admin":
                ScriptChannel();
                api.Enqueue("getChatMember", Member(AdminId, "administrator"), Member(BotId, "member", isBot: true));
                break;
            case "bot may not post":
                ScriptChannel();
                api.Enqueue("getChatMember", Member(AdminId, "administrator"), Member(BotId, "administrator", canPost: false, isBot: true));
                break;
        }

        var reply = await SayAsync("/schedule @steppe_news 09:00", Private);

        reply.Should().StartWith(expected);
        (await FindAsync(ChannelId)).Should().BeNull();
    }

    [Fact]
    public async Task A_name_that_cannot_be_a_channel_is_not_looked_up()
    {
        var reply = await SayAsync("/schedule @a<b> 09:00", Private);

        reply.Should().StartWith("I cannot find the channel @a&lt;b&gt;.");
        api.RequestsFor("getChat").Should().BeEmpty();
    }

    [Fact]
    public async Task An_unexpected_bot_api_error_gets_the_generic_apology()
    {
        api.Enqueue("getChat", FakeAnswer.Error(400, "Bad Request: something new"));

        (await SayAsync("/schedule @steppe_news 09:00", Private)).Should().Contain("Something went wrong");
    }

    [Fact]
    public async Task Unschedule_removes_a_group_or_channel_digest_for_its_admins_only()
    {
        api.Enqueue("getChatMember", Member(AdminId, "administrator"));
        await SayAsync("/schedule 08:00", Group);
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"), Member(BotId, "administrator", canPost: true, isBot: true));
        await SayAsync("/schedule @steppe_news 09:00", Private);

        api.Enqueue("getChatMember", Member(AdminId, "member"));
        (await SayAsync("/unschedule", Group)).Should().Contain("Only the group's admins");
        api.Enqueue("getChatMember", Member(AdminId, "administrator"));
        (await SayAsync("/unschedule", Group)).Should().Be("Done: Newsroom gets no more digests.");

        // Removing needs no right to post: the bot may have lost it already.
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"));
        (await SayAsync("/unschedule @steppe_news", Private)).Should().Be("Done: Steppe &amp; News gets no more digests.");
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"));
        (await SayAsync("/unschedule @steppe_news", Private)).Should().Be("Steppe &amp; News has no digest to stop.");

        (await FindAsync(Group.Id)).Should().BeNull();
        (await FindAsync(ChannelId)).Should().BeNull();
    }

    [Fact]
    public async Task Schedules_lists_the_chats_the_user_manages_with_their_schedules()
    {
        (await SayAsync("/schedules", Private)).Should().Contain("You have not set up a digest");
        api.Enqueue("getChatMember", Member(AdminId, "administrator"));
        await SayAsync("/schedule 08:00 UTC +5 sport", Group);
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"), Member(BotId, "administrator", canPost: true, isBot: true));
        await SayAsync("/schedule @steppe_news 21:30 New York", Private);
        await SayAsync("/subscribe", Private, language: "ru");
        await DispatchAsync(MembershipChange(Group, "kicked"));

        var reply = await SayAsync("/schedules", Private, language: "ru");

        reply.Should().StartWith("<b>Настроенные вами дайджесты</b>");
        reply.Should().Contain("• <b>Newsroom</b>: каждый день в 08:00 (UTC+05:00), темы: Спорт — на паузе");
        reply.Should().Contain("• <b>Steppe &amp; News</b>: каждый день в 21:30 (America/New_York), все темы");
        reply.Should().NotContain("Dana");
    }

    [Fact]
    public async Task Language_with_a_channel_sets_the_channels_language_after_the_same_checks()
    {
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "administrator"), Member(BotId, "administrator", canPost: true, isBot: true));

        var reply = await SayAsync("/language @steppe_news kk", Private);

        reply.Should().Be("Done: Steppe &amp; News gets its digests in Қазақша.");
        (await host.Get<ChatDirectory>().FindAsync(ChannelId, CancellationToken.None))!.Language.Should().Be(Language.Kk);
        var own = await host.Get<ChatDirectory>().FindAsync(Private.Id, CancellationToken.None);
        (own?.Language).Should().BeNull("the admin's own language stays as it was");

        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "member"));
        (await SayAsync("/language @steppe_news ru", Private)).Should().StartWith("Only the admins of @steppe_news");
        (await SayAsync("/language @steppe_news de", Private)).Should().Contain("/language @channel ru, kk or en");
        (await host.Get<ChatDirectory>().FindAsync(ChannelId, CancellationToken.None))!.Language.Should().Be(Language.Kk);
    }

    [Fact]
    public async Task Language_without_a_channel_still_shows_the_picker()
    {
        await SayAsync("/language", Private);

        api.RequestsFor("sendMessage").Single().Body["reply_markup"]!["inline_keyboard"]![0]![0]!["text"]!.GetValue<string>().Should().Be("Русский");
        api.RequestsFor("getChat").Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_the_bot_pauses_a_groups_digest_and_adding_it_back_resumes_it_silently()
    {
        api.Enqueue("getChatMember", Member(AdminId, "administrator"));
        await SayAsync("/schedule 08:00", Group);
        var sent = api.RequestsFor("sendMessage").Count;

        await DispatchAsync(MembershipChange(Group, "kicked"));
        (await FindAsync(Group.Id))!.Active.Should().BeFalse();
        await DispatchAsync(MembershipChange(Group, "member"));
        (await FindAsync(Group.Id))!.Active.Should().BeTrue();
        await DispatchAsync(MembershipChange(Group, "left"));
        (await FindAsync(Group.Id))!.Active.Should().BeFalse();

        api.RequestsFor("sendMessage").Should().HaveCount(sent);
    }

    [Fact]
    public async Task A_channel_digest_resumes_only_when_the_bot_may_post_again()
    {
        var channel = new Chat { Id = ChannelId, Type = ChatType.Channel, Title = "Steppe & News" };
        ScriptChannel();
        api.Enqueue("getChatMember", Member(AdminId, "creator"), Member(BotId, "administrator", canPost: true, isBot: true));
        await SayAsync("/schedule @steppe_news 09:00", Private);

        await DispatchAsync(MembershipChange(channel, "kicked"));
        (await FindAsync(ChannelId))!.Active.Should().BeFalse();
        await DispatchAsync(MembershipChange(channel, "administrator", canPost: false));
        (await FindAsync(ChannelId))!.Active.Should().BeFalse();
        await DispatchAsync(MembershipChange(channel, "administrator", canPost: true));
        (await FindAsync(ChannelId))!.Active.Should().BeTrue();
    }

    [Fact]
    public async Task A_user_blocking_the_bot_pauses_their_digest_and_unblocking_resumes_it()
    {
        await SayAsync("/subscribe", Private);

        await DispatchAsync(MembershipChange(Private, "kicked"));
        (await FindAsync(Private.Id))!.Active.Should().BeFalse();
        await DispatchAsync(MembershipChange(Private, "member"));
        (await FindAsync(Private.Id))!.Active.Should().BeTrue();
    }

    [Fact]
    public async Task A_membership_change_in_a_chat_without_a_digest_changes_nothing()
    {
        await DispatchAsync(MembershipChange(Group, "kicked"));

        (await FindAsync(Group.Id)).Should().BeNull();
        api.RequestsFor("sendMessage").Should().BeEmpty();
    }

    private void ScriptChannel() => api.Enqueue("getChat", FakeAnswer.Ok(new JsonObject
    {
        ["id"] = ChannelId,
        ["type"] = "channel",
        ["title"] = "Steppe & News",
        ["username"] = "steppe_news",
    }));

    private static FakeAnswer Member(long userId, string status, bool? canPost = null, bool isBot = false)
    {
        var member = new JsonObject
        {
            ["status"] = status,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = isBot, ["first_name"] = isBot ? "Digest" : "Dana" },
        };
        if (canPost is { } can)
        {
            member["can_post_messages"] = can;
        }

        return FakeAnswer.Ok(member);
    }

    /// <summary>Sends one command and returns the one reply, checked to be valid Telegram HTML.</summary>
    private async Task<string> SayAsync(string text, Chat chat, string language = "en")
    {
        var before = api.RequestsFor("sendMessage").Count;
        await DispatchAsync(new Update
        {
            Id = ++updateId,
            Message = new Message
            {
                Id = updateId,
                From = new User { Id = AdminId, FirstName = "Dana", LanguageCode = language },
                Chat = chat,
                Date = DateTime.UtcNow,
                Text = text,
            },
        });
        var sent = api.RequestsFor("sendMessage").Skip(before).ToList();
        sent.Should().ContainSingle();
        sent[0].Body["chat_id"]!.GetValue<long>().Should().Be(chat.Id);
        var html = sent[0].Body["text"]!.GetValue<string>();
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue(html);
        return html;
    }

    private Task DispatchAsync(Update update) => host.Get<Dispatcher>().DispatchAsync(update, replies, CancellationToken.None);

    private Update MembershipChange(Chat chat, string status, bool? canPost = null)
    {
        var bot = new User { Id = BotId, IsBot = true, FirstName = "Digest", Username = "DigestBot" };
        return new Update
        {
            Id = ++updateId,
            MyChatMember = new ChatMemberUpdated
            {
                Chat = chat,
                From = new User { Id = AdminId, FirstName = "Dana" },
                Date = DateTime.UtcNow,
                OldChatMember = new ChatMemberMember { User = bot },
                NewChatMember = status switch
                {
                    "kicked" => new ChatMemberBanned { User = bot },
                    "left" => new ChatMemberLeft { User = bot },
                    "member" => new ChatMemberMember { User = bot },
                    "restricted" => new ChatMemberRestricted { User = bot },
                    "administrator" => new ChatMemberAdministrator { User = bot, CanPostMessages = canPost ?? false },
                    _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a chat member status"),
                },
            },
        };
    }

    private Task<DigestBot.Storage.Subscription?> FindAsync(long chatId) =>
        host.Get<SubscriptionStore>().FindAsync(chatId, CancellationToken.None);
}
