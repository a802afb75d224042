using Telegram.Bot.Types;

namespace DigestBot.Conversation;

/// <summary>Follows the bot's own membership in chats (added, removed, made admin); such an update asks for no answer.</summary>
public interface IMembershipHandler
{
    Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken);
}
