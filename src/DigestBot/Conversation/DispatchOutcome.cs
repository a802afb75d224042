namespace DigestBot.Conversation;

/// <summary>What the dispatcher made of an update.</summary>
public enum DispatchOutcome
{
    /// <summary>A handler answered it.</summary>
    Handled,

    /// <summary>Nothing was asked of the bot: an edit, a channel post, text in a group.</summary>
    Ignored,

    /// <summary>Its handler failed.</summary>
    Failed,

    /// <summary>From a chat sending too many commands: told once to slow down, then dropped until its minute is over.</summary>
    Limited,
}
