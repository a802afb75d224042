namespace DigestBot.Conversation;

/// <summary>Reads "/name@BotName arguments" the way Telegram clients send commands.</summary>
public static class CommandText
{
    /// <param name="botUsername">This bot's username, to tell a command for another bot in a group.</param>
    /// <returns>False when the text is not a command, or is a command for another bot.</returns>
    public static bool TryParse(string text, string botUsername, out string name, out string arguments)
    {
        name = "";
        arguments = "";
        if (text.Length < 2 || text[0] != '/')
        {
            return false;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var token = text.AsSpan(1, end - 1);
        var at = token.IndexOf('@');
        if (at >= 0)
        {
            if (!token[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            token = token[..at];
        }

        if (token.IsEmpty)
        {
            return false;
        }

        name = token.ToString().ToLowerInvariant();
        arguments = text[end..].Trim();
        return true;
    }
}
