using System.Globalization;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using Telegram.Bot.Types;

namespace DigestBot.Features.Channels;

/// <summary>A group or channel whose digest <see cref="AdminId"/> has been found allowed to manage.</summary>
public sealed record ManagedChat(Chat Chat, long AdminId)
{
    /// <summary>The chat's title (else its @username), escaped for a reply.</summary>
    public string TitleHtml => TelegramHtml.Escape(TextTruncation.Truncate(
        Chat.Title ?? (Chat.Username is { } username ? "@" + username : Chat.Id.ToString(CultureInfo.InvariantCulture)), 64));
}
