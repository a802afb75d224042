using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>getChat: a chat's current title and username.</summary>
public sealed record GetChatRequest(ChatId ChatId) : BotRequest<Chat>("getChat");
