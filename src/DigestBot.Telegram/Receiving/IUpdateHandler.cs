using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>Handles one update at a time, in the order the Bot API numbered them.</summary>
public interface IUpdateHandler
{
    Task HandleAsync(Update update, CancellationToken cancellationToken);
}
