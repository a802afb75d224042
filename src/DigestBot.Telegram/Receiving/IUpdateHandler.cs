using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Receiving;

/// <summary>Handles one update at a time, in the order the Bot API numbered them.</summary>
public interface IUpdateHandler
{
    Task HandleAsync(Update update, CancellationToken cancellationToken);
}
