using DigestBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Telegram;

public sealed class BotClientRegistrationTests
{
    [Fact]
    public void Options_are_bound_from_the_named_section()
    {
        using var services = Services(new()
        {
            ["Telegram:Token"] = "42:abc_DEF-1",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:8081/",
            ["Telegram:RequestTimeout"] = "00:00:10",
            ["Telegram:MaxRetries"] = "5",
        });

        var options = services.GetRequiredService<IOptions<BotClientOptions>>().Value;

        options.Should().BeEquivalentTo(new
        {
            Token = "42:abc_DEF-1",
            ApiBaseUrl = new Uri("http://127.0.0.1:8081/"),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 5,
            PollingTimeout = TimeSpan.FromSeconds(25),
        });
        services.GetRequiredService<ITelegramBotClient>().Should().BeOfType<PolicyBotClient>();
    }

    [Theory]
    [InlineData(null, null, "Telegram:Token (env Telegram__Token) must be set: the token @BotFather gave, such as 123456:ABC-DEF1234ghIkl")]
    [InlineData("42:abc/../x", null, "Telegram:Token (env Telegram__Token) is malformed: expected <bot id>:<secret>, such as 123456:ABC-DEF1234ghIkl")]
    [InlineData("42:abc", "-1", "Telegram:MaxRetries (env Telegram__MaxRetries) must be between 0 and 10, got -1")]
    public void Invalid_options_name_the_setting(string? token, string? maxRetries, string expected)
    {
        using var services = Services(new() { ["Telegram:Token"] = token, ["Telegram:MaxRetries"] = maxRetries });

        var act = () => services.GetRequiredService<IOptions<BotClientOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(expected);
    }

    [Fact]
    public void Rate_limits_are_bound_from_their_section_and_one_limiter_serves_every_client()
    {
        using var services = Services(new()
        {
            ["Telegram:Token"] = "42:abc",
            ["Telegram:RateLimits:GlobalPerSecond"] = "3000",
            ["Telegram:RateLimits:PerChatPerSecond"] = "100",
        });

        services.GetRequiredService<IOptions<BotClientOptions>>().Value.RateLimits.Should().BeEquivalentTo(
            new RateLimitOptions { GlobalPerSecond = 3000, PerChatPerSecond = 100, PerGroupPerMinute = 20 });
        services.GetRequiredService<SendRateLimiter>().Should().BeSameAs(services.GetRequiredService<SendRateLimiter>());
    }

    [Fact]
    public void A_rate_limit_below_one_names_the_setting()
    {
        using var services = Services(new() { ["Telegram:Token"] = "42:abc", ["Telegram:RateLimits:PerGroupPerMinute"] = "0" });

        var act = () => services.GetRequiredService<IOptions<BotClientOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal("Telegram:RateLimits:PerGroupPerMinute (env Telegram__RateLimits__PerGroupPerMinute) must be at least 1, got 0");
    }

    [Theory]
    [InlineData("news")]
    [InlineData("@")]
    [InlineData(" ")]
    public void A_chat_username_must_start_with_an_at_sign(string username)
    {
        var act = () => new ChatId(username);

        act.Should().Throw<ArgumentException>();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotClient(BotClientOptions.SectionName)
            .BuildServiceProvider();
    }
}
