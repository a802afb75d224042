using DigestBot.Conversation;

namespace DigestBot.Features.Languages;

/// <summary>/language, in both menus, and the presses of the language picker wherever it is shown.</summary>
public sealed class LanguagesFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<LanguageHandler>(
            [new ChatCommand("language") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 80 }],
            LanguagePicker.LanguageAction,
            LanguagePicker.ScopeAction);
}
