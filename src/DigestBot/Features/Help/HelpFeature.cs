using DigestBot.Conversation;

namespace DigestBot.Features.Help;

/// <summary>/help, in both menus.</summary>
public sealed class HelpFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<HelpHandler>([new ChatCommand("help") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 90 }]);
}
