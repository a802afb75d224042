using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>getChatMember: a user's membership in a chat, e.g. whether the bot may post in a channel.</summary>
public sealed record GetChatMemberRequest(ChatId ChatId, long UserId) : BotRequest<ChatMember>("getChatMember");
