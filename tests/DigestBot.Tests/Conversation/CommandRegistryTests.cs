using DigestBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Conversation;

/// <summary>The registry the features fill: the menus it gives Telegram, and the texts every registered command needs in
/// each language, so that a command added without its lines fails here rather than showing a missing text.</summary>
public sealed class CommandRegistryTests
{
    private static readonly CommandRegistry Registry = BuildRegistry(out _);

    public static TheoryData<string> Files => new() { "Messages.resx", "Messages.ru.resx", "Messages.kk.resx" };

    [Fact]
    public void The_menus_list_the_commands_in_the_order_readers_know()
    {
        Registry.Menu(CommandMenus.Private).Select(c => c.Name).Should().Equal(
            "latest", "search", "topic", "subscribe", "digest", "settings", "schedules", "language", "help", "start");
        Registry.Menu(CommandMenus.Groups).Select(c => c.Name).Should().Equal(
            "latest", "search", "topic", "digest", "schedule", "unschedule", "language", "help");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_command_in_a_menu_has_a_description_and_every_help_line_a_text_in_each_language(string file)
    {
        var texts = MessagesTests.Read(file);

        foreach (var command in Registry.Commands.Where(c => c.Menus != CommandMenus.None))
        {
            texts.Should().ContainKey(command.DescriptionKey, $"/{command.Name} is in a menu, so {file} describes it");
            texts[command.DescriptionKey].Length.Should().BeInRange(1, 256, "Telegram takes descriptions of 1 to 256 characters");
        }

        foreach (var key in Registry.HelpLineKeys.Append("Help_Intro"))
        {
            texts.Should().ContainKey(key, $"/help shows it, so {file} has it");
            texts[key].Should().NotBeNullOrWhiteSpace(key);
        }
    }

    [Fact]
    public void Every_handler_is_registered_by_a_feature_and_answers_its_commands()
    {
        var registry = BuildRegistry(out var registrations);
        var handlers = typeof(CommandRegistry).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IChatHandler)));

        registrations.Select(r => r.HandlerType).Should().BeEquivalentTo(handlers, "a handler no feature registers would answer nothing");
        foreach (var registration in registrations)
        {
            foreach (var command in registration.Commands)
            {
                registry.TryGetCommandHandler(command.Name, out var handler).Should().BeTrue();
                handler.Should().BeOfType(registration.HandlerType);
            }
        }
    }

    [Fact]
    public void Two_features_claiming_one_command_stop_the_start()
    {
        var services = new ServiceCollection();
        services.AddChatHandler<Features.Help.HelpHandler>([new ChatCommand("help")]);
        services.AddChatHandler<Features.Start.StartHandler>([new ChatCommand("help")]);
        services.AddSingleton<CommandRegistry>();

        var build = () => services.BuildServiceProvider().GetRequiredService<CommandRegistry>();

        build.Should().Throw<InvalidOperationException>().WithMessage("*/help*HelpHandler*StartHandler*");
    }

    private static CommandRegistry BuildRegistry(out IReadOnlyList<ChatHandlerRegistration> registrations)
    {
        // The host as every verb builds it, not started: no database is needed to read what the features registered.
        var services = AppHost.CreateBuilder(null, quiet: true).Build().Services;
        registrations = [.. services.GetServices<ChatHandlerRegistration>()];
        return services.GetRequiredService<CommandRegistry>();
    }
}
