using DigestBot.Conversation;
using DigestBot.Features.Digests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Channels;

/// <summary>Follows the bot's own membership: a chat's digest pauses when the bot is removed or blocked there and resumes when it is back.</summary>
public sealed class ChatMembershipHandler(SubscriptionStore subscriptions, ILogger<ChatMembershipHandler> logger) : IMembershipHandler
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        bool? active = update.NewChatMember.Status switch
        {
            ChatMemberStatus.Left or ChatMemberStatus.Kicked => false,

            // Whether a restricted bot may still send is not in the update, so the digest stays as it was.
            ChatMemberStatus.Restricted => null,
            _ => ChatAdmins.CanPost(update.Chat.Type, update.NewChatMember),
        };
        if (active is not { } value || await subscriptions.FindAsync(update.Chat.Id, cancellationToken) is not { } subscription || subscription.Active == value)
        {
            return;
        }

        await subscriptions.UpdateAsync(update.Chat.Id, s => s.Active = value, cancellationToken);
        logger.LogInformation(
            "Channels: digest of chat {ChatId} {State}: the bot is now {Status} there",
            update.Chat.Id,
            value ? "resumed" : "paused",
            update.NewChatMember.Status);
    }
}
