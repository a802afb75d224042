using DigestBot.Conversation;

namespace DigestBot.Features.Settings;

/// <summary>/settings in the private menu, and its buttons.</summary>
public sealed class SettingsFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<SettingsHandler>(
            [new ChatCommand("settings") { Menus = CommandMenus.Private, HasHelpLine = true, Position = 60 }],
            SettingsHandler.Action);
}
