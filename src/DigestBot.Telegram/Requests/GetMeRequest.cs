using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>getMe: the bot's own user.</summary>
public sealed record GetMeRequest() : BotRequest<User>("getMe");
