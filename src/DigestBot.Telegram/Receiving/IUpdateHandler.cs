using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>Handles the updates a receiver got: one chat's one at a time, in the order the Bot API numbered them; those
/// of different chats may come at the same time (<see cref="UpdateIntake"/>).</summary>
public interface IUpdateHandler
{
    Task HandleAsync(Update update, CancellationToken cancellationToken);
}
