using DigestBot.Conversation;

namespace DigestBot.Features.Latest;

/// <summary>/latest, first in both menus, and its "More" button.</summary>
public sealed class LatestFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<LatestHandler>(
            [new ChatCommand("latest") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 10 }],
            LatestHandler.Action);
}
