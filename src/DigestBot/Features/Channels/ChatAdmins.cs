using System.Text.RegularExpressions;
using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Channels;

/// <summary>Checks through the Bot API that a user may manage a group's or channel's digest, and that the bot may post there.</summary>
public sealed partial class ChatAdmins(Lazy<ITelegramBotClient> client, BotIdentity identity, ILogger<ChatAdmins> logger)
{
    /// <summary>Whether the bot, with this membership, can post in a chat: in a channel only as an admin allowed to post.</summary>
    public static bool CanPost(ChatType chatType, ChatMember bot) => chatType == ChatType.Channel
        ? bot is ChatMemberAdministrator { CanPostMessages: true }
        : bot.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member;

    /// <summary>
    /// The chat whose digest the turn's sender may manage: the <paramref name="channel"/> named ("@name"), else the
    /// group the turn is in. Null after telling the sender why not.
    /// </summary>
    /// <param name="botMustPost">Also require that the bot can post there (not needed to remove a digest).</param>
    public async Task<ManagedChat?> AuthorizeAsync(ChatTurn turn, string? channel, bool botMustPost, CancellationToken cancellationToken)
    {
        if (turn.From is not { } user)
        {
            // Only channel posts come without a sender, and the dispatcher gives those to no handler.
            return null;
        }

        if (channel is null)
        {
            return await AuthorizeGroupAsync(turn, user, cancellationToken);
        }

        var name = TelegramHtml.Escape(TextTruncation.Truncate(channel, 40));
        if (!Username().IsMatch(channel))
        {
            await turn.ReplyAsync(turn.Text("Channel_NotFound", name), cancellationToken);
            return null;
        }

        try
        {
            var chat = await client.Value.GetChat(channel, cancellationToken);
            if (chat.Type == ChatType.Private)
            {
                await turn.ReplyAsync(turn.Text("Channel_NotFound", name), cancellationToken);
                return null;
            }

            if (!IsAdmin(await client.Value.GetChatMember(chat.Id, user.Id, cancellationToken)))
            {
                await turn.ReplyAsync(turn.Text("Channel_NotAdmin", name), cancellationToken);
                return null;
            }

            if (botMustPost && !CanPost(chat.Type, await client.Value.GetChatMember(chat.Id, await BotIdAsync(cancellationToken), cancellationToken)))
            {
                await turn.ReplyAsync(turn.Text("Channel_BotCannotPost", name), cancellationToken);
                return null;
            }

            return new ManagedChat(chat, user.Id);
        }
        catch (ApiRequestException ex) when (RefusalOf(ex) is { } key)
        {
            logger.LogInformation("Channels: unable to let user {UserId} manage {Channel}: {Description}", user.Id, channel, ex.Message);
            await turn.ReplyAsync(turn.Text(key, name), cancellationToken);
            return null;
        }
    }

    private async Task<ManagedChat?> AuthorizeGroupAsync(ChatTurn turn, User user, CancellationToken cancellationToken)
    {
        if (IsAdmin(await client.Value.GetChatMember(turn.ChatId, user.Id, cancellationToken)))
        {
            return new ManagedChat(turn.Chat, user.Id);
        }

        await turn.ReplyAsync(turn.Text("Group_AdminsOnly"), cancellationToken);
        return null;
    }

    private async Task<long> BotIdAsync(CancellationToken cancellationToken) =>
        identity.Id ??= (await client.Value.GetMe(cancellationToken)).Id;

    private static bool IsAdmin(ChatMember member) => member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;

    /// <summary>The answers that mean "no such channel" or "the bot is not in it"; any other failure is ours to report.</summary>
    private static string? RefusalOf(ApiRequestException ex) => ex switch
    {
        { Message: var d } when d.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => "Channel_NotFound",
        { ErrorCode: 403 } => "Channel_BotNotMember",
        { Message: var d } when d.Contains("not a member", StringComparison.OrdinalIgnoreCase)
            || d.Contains("member list is inaccessible", StringComparison.OrdinalIgnoreCase) => "Channel_BotNotMember",
        _ => null,
    };

    // Telegram usernames: 5 to 32 letters, digits and underscores, starting with a letter.
    [GeneratedRegex("^@[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex Username();
}
