using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.EndToEnd;

/// <summary>A user talks to the real bot through the telegram-test-api emulator, in each language.</summary>
[Trait("Category", "Slow")]
[Collection(TelegramEmulatorCollection.Name)]
public sealed class ConversationTests(TelegramEmulator emulator) : IAsyncLifetime
{
    private RunningBot bot = null!;

    public Task InitializeAsync()
    {
        bot = RunningBot.Start(emulator);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [InlineData("ru", "Здравствуйте")]
    [InlineData("kk", "Сәлеметсіз бе")]
    [InlineData("en", "Hello")]
    [InlineData("de", "Hello")]
    [InlineData(null, "Hello")]
    public async Task Start_greets_in_the_users_Telegram_language_with_the_language_picker(string? languageCode, string greeting)
    {
        var user = bot.CreateUser(languageCode);

        var reply = (await RunningBot.AskAsync(user, "/start")).Single();

        reply.Text.Should().StartWith(greeting).And.Contain(user.FirstName);
        reply.InlineKeyboard[0].Select(b => b.Text).Should().Equal("Русский", "Қазақша", "English");
        reply.InlineKeyboard[1].Should().HaveCount(2, "all languages or only mine");
    }

    [Fact]
    public async Task A_chosen_language_is_kept_for_the_next_messages()
    {
        var user = bot.CreateUser("en");
        var start = (await RunningBot.AskAsync(user, "/start")).Single();

        var confirmation = (await RunningBot.PressAsync(user, start, start.Buttons.Single(b => b.Text == "Қазақша").CallbackData!)).Single();
        var help = (await RunningBot.AskAsync(user, "/help")).Single();

        confirmation.Text.Should().Contain("қазақша");
        help.Text.Should().Contain("мақала іздеу").And.Contain("/latest").And.Contain("/search");
        help.Text.Should().Contain("жаңалықтарды");
    }

    [Theory]
    [InlineData("ru", "Свежие новости", "Ещё ›", "страница 2")]
    [InlineData("kk", "Соңғы жаңалықтар", "Тағы ›", "2-бет")]
    [InlineData("en", "Latest news", "More ›", "page 2")]
    public async Task Latest_lists_the_newest_articles_and_pages_on(string language, string header, string more, string secondPage)
    {
        var user = bot.CreateUser(language);

        var first = (await RunningBot.AskAsync(user, "/latest 2")).Single();

        first.Text.Should().StartWith($"<b>{header}</b>");
        first.Text!.Split("\n\n<b>").Should().HaveCount(3, "the header and two articles");
        first.Buttons.Should().ContainSingle(b => b.Text == more);
        var next = (await RunningBot.PressAsync(user, first, first.Buttons.Single().CallbackData!)).Single();
        next.Text.Should().Contain(secondPage);
        next.Text.Should().NotBe(first.Text);
    }

    [Fact]
    public async Task Latest_shows_title_age_source_summary_and_the_reader_language_marker()
    {
        var user = bot.CreateUser("en");

        var reply = (await RunningBot.AskAsync(user, "/latest 5")).Single();

        reply.Text.Should().Contain("<b>В Алматы подвели итоги 30-летия Ассамблеи народа Казахстана</b>");
        reply.Text.Should().Contain("zakon.kz");
        reply.Text.Should().Contain("ago").And.Contain("date unknown");
        reply.Text.Should().Contain("(in Russian)").And.Contain("(in Kazakh)");
    }

    [Fact]
    public async Task Only_my_language_keeps_other_languages_out_of_the_lists()
    {
        var user = bot.CreateUser("kk");
        var picker = (await RunningBot.AskAsync(user, "/language")).Single();

        var confirmation = (await RunningBot.PressAsync(user, picker, picker.InlineKeyboard[1][1].CallbackData!)).Single();
        var latest = (await RunningBot.AskAsync(user, "/latest 20")).Single();

        confirmation.Text.Should().Contain("тек сіздің тіліңіздегі");
        latest.Text!.Split("\n\n<b>").Should().HaveCount(3, "the two Kazakh seeds, and none of the Russian ones");
        latest.Text.Should().NotContain("(орысша)");
    }

    [Fact]
    public async Task Subscribe_then_digest_brings_the_last_day_in_the_chats_language()
    {
        var user = bot.CreateUser("ru");

        var subscribed = (await RunningBot.AskAsync(user, "/subscribe")).Single();
        var digest = (await RunningBot.AskAsync(user, "/digest")).Single();

        subscribed.Text.Should().Contain("каждый день в <b>09:00</b> (Asia/Almaty)");
        digest.Text.Should().StartWith("<b>Дайджест новостей</b>");
        digest.Text.Should().Contain("В Алматы подвели итоги 30-летия Ассамблеи народа Казахстана");
    }

    [Theory]
    [InlineData("/latest 0")]
    [InlineData("/latest 21")]
    [InlineData("/latest many")]
    public async Task Latest_explains_a_bad_count(string command)
    {
        var user = bot.CreateUser("en");

        var reply = (await RunningBot.AskAsync(user, command)).Single();

        reply.Text.Should().Contain("from 1 to 20");
    }

    [Theory]
    [InlineData("ru", "/search Ассамблея", "по запросу «Ассамблея»")]
    [InlineData("kk", "/search Тоқаев", "сұрауы бойынша")]
    [InlineData("en", "/search Токаев", "for «Токаев»")]
    public async Task Search_finds_ranked_articles_with_highlighted_snippets(string language, string command, string header)
    {
        var user = bot.CreateUser(language);

        var reply = (await RunningBot.AskAsync(user, command)).Single();

        reply.Text.Should().Contain(header);
        reply.Text.Should().Contain("<b>", "matched words are highlighted");
    }

    [Theory]
    [InlineData("ru", "ничего не нашлось")]
    [InlineData("kk", "ештеңе табылмады")]
    [InlineData("en", "Nothing found")]
    public async Task Search_without_hits_says_so_and_suggests_what_to_try(string language, string expected)
    {
        var user = bot.CreateUser(language);

        var reply = (await RunningBot.AskAsync(user, "/search <b>квазиэлектромобиль</b> & \"")).Single();

        reply.Text.Should().Contain(expected).And.Contain("/latest");
        reply.Text.Should().Contain("&lt;b&gt;квазиэлектромобиль&lt;/b&gt; &amp;");
    }

    [Theory]
    [InlineData("ru", "Что искать?")]
    [InlineData("kk", "Не іздейміз?")]
    [InlineData("en", "What should I look for?")]
    public async Task Search_without_a_query_asks_for_one(string language, string expected)
    {
        var user = bot.CreateUser(language);

        var reply = (await RunningBot.AskAsync(user, "/search")).Single();

        reply.Text.Should().StartWith(expected);
    }

    [Fact]
    public async Task A_5000_character_query_gets_an_answer()
    {
        var user = bot.CreateUser("ru");

        var reply = (await RunningBot.AskAsync(user, "/search " + string.Concat(Enumerable.Repeat("Ассамблея ", 500)))).Single();

        reply.Text.Should().Contain("слишком длинный");
    }

    [Theory]
    [InlineData("ru", "Общество и единство")]
    [InlineData("kk", "Қоғам және бірлік")]
    [InlineData("en", "Society & unity")]
    public async Task Topic_lists_topics_with_counts_and_opens_one(string language, string society)
    {
        var user = bot.CreateUser(language);

        var list = (await RunningBot.AskAsync(user, "/topic")).Single();

        var button = list.Buttons.Should().Contain(b => b.Text.StartsWith(society + " (")).Subject;
        var articles = (await RunningBot.PressAsync(user, list, button.CallbackData!)).Single();
        articles.Text.Should().StartWith($"<b>{society.Replace("&", "&amp;")}</b>");
    }

    [Theory]
    [InlineData("ru", "/topic ОБЩЕСТВО И ЕДИНСТВО", "<b>Общество и единство</b>")]
    [InlineData("ru", "/topic қоғам", "<b>Общество и единство</b>")]
    [InlineData("kk", "/topic society", "<b>Қоғам және бірлік</b>")]
    public async Task Topic_by_any_name_in_any_case_shows_its_articles(string language, string command, string header)
    {
        var user = bot.CreateUser(language);

        var reply = (await RunningBot.AskAsync(user, command)).Single();

        reply.Text.Should().StartWith(header);
        reply.Text.Should().Contain("Ассамбле");
    }

    [Fact]
    public async Task An_unknown_topic_suggests_the_nearest()
    {
        var user = bot.CreateUser("ru");

        var reply = (await RunningBot.AskAsync(user, "/topic политикка")).Single();

        reply.Text.Should().Contain("Темы «политикка» я не знаю");
        reply.Buttons.Should().Contain(b => b.Text == "Политика");
    }

    [Theory]
    [InlineData("ru", "/weather", "Я не знаю команды /weather")]
    [InlineData("kk", "/weather", "/weather командасын білмеймін")]
    [InlineData("en", "/weather", "I do not know the command /weather")]
    public async Task An_unknown_command_gets_a_hint_toward_help(string language, string command, string expected)
    {
        var user = bot.CreateUser(language);

        var reply = (await RunningBot.AskAsync(user, command)).Single();

        reply.Text.Should().Contain(expected).And.Contain("/help");
    }

    [Fact]
    public async Task Plain_text_gets_a_hint_toward_help()
    {
        var user = bot.CreateUser("en");

        await user.SendMessageAsync("hello <bot> & friends");
        var reply = RunningBot.Checked(await user.WaitForBotRepliesAsync(1, TimeSpan.FromSeconds(30))).Single();

        reply.Text.Should().Contain("/help");
    }

    [Fact]
    public async Task In_a_group_commands_for_this_bot_are_answered_and_others_are_not()
    {
        var user = bot.CreateUser("en");
        var group = EmulatedChat.Supergroup(-1001234567890, "News lovers");

        await user.SendCommandAsync("/latest@OtherBot 1", group);
        var reply = (await RunningBot.AskAsync(user, "/latest@TestNameBot 1", chat: group)).Single();

        reply.Text.Should().StartWith("<b>Latest news</b>");
        (await user.GetAllBotMessagesAsync(group)).Should().ContainSingle("the command for another bot got no answer");
    }
}
