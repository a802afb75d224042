using DigestBot.Conversation;

namespace DigestBot.Features.Start;

/// <summary>/start, last in the private menu: a new reader finds it anyway.</summary>
public sealed class StartFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<StartHandler>([new ChatCommand("start") { Menus = CommandMenus.Private, Position = 100 }]);
}
