using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Conversation;

/// <summary>Flood protection in the dispatcher, on a real SQLite store, with a clock that moves only when the test says.</summary>
public sealed class FloodTests : IAsyncLifetime
{
    private const int Limit = 3;
    private const string SlowDownRu = "Вы отправляете команды слишком часто. Я снова отвечу через минуту.";
    private static readonly Chat Private = new() { Id = 42, Type = ChatType.Private, FirstName = "Aigerim" };
    private static readonly Chat Other = new() { Id = 43, Type = ChatType.Private, FirstName = "Bolat" };
    private static readonly Chat Group = new() { Id = -100500, Type = ChatType.Supergroup, Title = "Newsroom" };
    private readonly TestClock clock = new(autoAdvance: false);
    private readonly UserUpdates aigerim = new(Private, "Aigerim");
    private readonly UserUpdates bolat = new(Other, "Bolat");
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
                ["Flood:CommandsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_a_chat_is_told_once_then_ignored_until_the_minute_is_over()
    {
        for (var i = 0; i < Limit; i++)
        {
            (await SentAsync(aigerim.Message("/help", "ru"))).Should().ContainSingle().Which.Should().NotBe(SlowDownRu);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        (await SentAsync(aigerim.Message("/help", "ru"))).Should().Equal(SlowDownRu);
        (await SentAsync(aigerim.Message("/latest", "ru"))).Should().BeEmpty();
        (await SentAsync(aigerim.Message("plain text", "ru"))).Should().BeEmpty("text is answered too, so it counts too");
        (await SentAsync(bolat.Message("/help", "en"))).Should().ContainSingle("another chat is not held back");

        clock.Advance(TimeSpan.FromSeconds(44));
        (await SentAsync(aigerim.Message("/help", "ru"))).Should().BeEmpty("the minute since the first command is not over yet");

        clock.Advance(TimeSpan.FromSeconds(1));
        (await SentAsync(aigerim.Message("/help", "ru"))).Should().ContainSingle().Which.Should().Contain("DigestBot");
    }

    [Fact]
    public async Task A_button_press_counts_and_is_answered_even_when_ignored()
    {
        for (var i = 0; i < Limit; i++)
        {
            await host.DispatchAsync(aigerim.Message("/help", "ru"));
        }

        var warned = await host.DispatchAsync(aigerim.Press(CallbackData.Build("latest", "1", "5"), "ru"));
        var ignored = await host.DispatchAsync(aigerim.Press(CallbackData.Build("latest", "1", "5"), "ru"));

        warned.Answers.Should().ContainSingle().Which.Notice.Should().Be(SlowDownRu, "a press is answered with a notice, not a message");
        warned.Sent.Should().BeEmpty();
        ignored.Answers.Should().ContainSingle().Which.Notice.Should().BeNull("the app stops showing the press as loading");
        ignored.Sent.Should().BeEmpty();
        ignored.ButtonsRemoved.Should().BeEmpty();
    }

    [Fact]
    public async Task In_a_group_each_member_is_counted_alone()
    {
        for (var i = 0; i < Limit + 1; i++)
        {
            await host.DispatchAsync(aigerim.Message("/latest@DigestBot", "en", Group));
        }

        (await SentAsync(aigerim.Message("/help", "en", Group))).Should().BeEmpty();
        (await SentAsync(bolat.Message("/help", "en", Group))).Should().ContainSingle("one member's flood does not silence the group");
        (await SentAsync(aigerim.Message("/help@OtherBot", "en", Group))).Should().BeEmpty();
        (await SentAsync(aigerim.Message("chatter among members", "en", Group))).Should().BeEmpty();
    }

    [Fact]
    public async Task Messages_the_bot_does_not_answer_do_not_count()
    {
        for (var i = 0; i < Limit * 5; i++)
        {
            await host.DispatchAsync(aigerim.Message("/help@OtherBot", "en", Group));
            await host.DispatchAsync(aigerim.Message("chatter among members", "en", Group));
        }

        (await SentAsync(aigerim.Message("/help", "en", Group))).Should().ContainSingle().Which.Should().Contain("DigestBot");
    }

    [Fact]
    public void A_negative_limit_stops_the_start_with_the_settings_name()
    {
        using var app = AppHost.CreateBuilder(host.Folder.File("other.db"), quiet: true, new Dictionary<string, string?> { ["Flood:CommandsPerMinute"] = "-1" }).Build();

        var start = () => app.Services.GetRequiredService<IOptions<FloodOptions>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "Flood:CommandsPerMinute (env Flood__CommandsPerMinute) must be 0 (no limit) or a number of commands such as 20, not -1.");
    }

    private async Task<IReadOnlyList<string>> SentAsync(Update update) =>
        [.. (await host.DispatchAsync(update)).Sent.Select(sent => sent.Message.Html)];
}
