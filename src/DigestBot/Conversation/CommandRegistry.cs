namespace DigestBot.Conversation;

/// <summary>
/// Every command and button press the features registered: the dispatcher's table, the command menus and the lines of
/// /help all come from here, so a command cannot be answered yet missing from the menus, or the other way round.
/// </summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, ChatHandlerRegistration> byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatHandlerRegistration> byAction = new(StringComparer.Ordinal);
    private readonly IServiceProvider services;

    public CommandRegistry(IEnumerable<ChatHandlerRegistration> registrations, IServiceProvider services)
    {
        var commands = new List<ChatCommand>();
        foreach (var registration in registrations)
        {
            foreach (var command in registration.Commands)
            {
                if (!byCommand.TryAdd(command.Name, registration))
                {
                    throw new InvalidOperationException($"conversation: /{command.Name} is registered by both {byCommand[command.Name].HandlerType.Name} and {registration.HandlerType.Name}");
                }

                commands.Add(command);
            }

            foreach (var action in registration.CallbackActions)
            {
                if (!byAction.TryAdd(action, registration))
                {
                    throw new InvalidOperationException($"conversation: the button action '{action}' is registered by both {byAction[action].HandlerType.Name} and {registration.HandlerType.Name}");
                }
            }
        }

        Commands = [.. commands.OrderBy(c => c.Position).ThenBy(c => c.Name, StringComparer.Ordinal)];
        HelpLineKeys = [.. Commands.Where(c => c.HasHelpLine).Select(c => c.HelpLineKey)];
        this.services = services;
    }

    /// <summary>Every command answered, in menu order.</summary>
    public IReadOnlyList<ChatCommand> Commands { get; }

    /// <summary>The commands <paramref name="menu"/> lists, in order.</summary>
    public IReadOnlyList<ChatCommand> Menu(CommandMenus menu) => [.. Commands.Where(c => c.Menus.HasFlag(menu))];

    /// <summary>The keys of the lines of /help, in order.</summary>
    public IReadOnlyList<string> HelpLineKeys { get; }

    /// <summary>The handler of the command <paramref name="name"/> (lowercase, without the slash).</summary>
    public bool TryGetCommandHandler(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IChatHandler? handler) =>
        TryResolve(byCommand, name, out handler);

    /// <summary>The handler of the button presses whose callback data starts with <paramref name="action"/>.</summary>
    public bool TryGetActionHandler(string action, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IChatHandler? handler) =>
        TryResolve(byAction, action, out handler);

    // Handlers are taken from the container when first asked for: /help reads this registry, so building them here would
    // go round in a circle.
    private bool TryResolve(Dictionary<string, ChatHandlerRegistration> table, string key, out IChatHandler? handler)
    {
        handler = table.TryGetValue(key, out var registration) ? (IChatHandler)services.GetRequiredService(registration.HandlerType) : null;
        return handler is not null;
    }
}
