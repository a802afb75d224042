namespace DigestBot.Features.Channels;

/// <summary>Reads the "@channel" that /schedule, /unschedule and /language take first when they are about a channel.</summary>
public static class ChannelArgument
{
    /// <summary>Splits an "@channel" first argument off the rest; the channel is null when the arguments start otherwise.</summary>
    public static (string? Channel, string Arguments) Take(string arguments)
    {
        if (!arguments.StartsWith('@'))
        {
            return (null, arguments);
        }

        var end = arguments.IndexOfAny([' ', '\t', '\n']);
        return end < 0 ? (arguments, "") : (arguments[..end], arguments[end..].Trim());
    }
}
