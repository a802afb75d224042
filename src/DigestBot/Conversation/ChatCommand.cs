namespace DigestBot.Conversation;

/// <summary>A command as a feature declares it: its name, the command menus that list it, whether /help has a line for
/// it and its place in both.</summary>
/// <remarks>Its texts are found by name: <c>Command_{name}</c> describes it in a menu, <c>Help_{name}</c> is its line in
/// /help, each in Messages.resx, Messages.ru.resx and Messages.kk.resx.</remarks>
public sealed record ChatCommand(string Name)
{
    /// <summary>The menus Telegram shows it in; none for a command that is answered but not offered (/unsubscribe).</summary>
    public CommandMenus Menus { get; init; }

    /// <summary>Whether /help has a line of its own for it; a line may name related commands too.</summary>
    public bool HasHelpLine { get; init; }

    /// <summary>Its place in the menus and in /help, smallest first.</summary>
    public int Position { get; init; }

    public string DescriptionKey => "Command_" + Name;

    public string HelpLineKey => "Help_" + Name;
}

/// <summary>The command menus the bot registers with setMyCommands, one per scope.</summary>
[Flags]
public enum CommandMenus
{
    None = 0,

    /// <summary>Private chats with the bot (scope all_private_chats); a channel's admin manages it from here.</summary>
    Private = 1,

    /// <summary>Groups and supergroups (scope all_group_chats).</summary>
    Groups = 2,
}
