using DigestBot.Conversation;

namespace DigestBot.Features.Search;

/// <summary>/search (and /find, answered but not listed), its "More" button and the saved queries the button names.</summary>
public sealed class SearchFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<SavedQueries>();
        services.AddChatHandler<SearchHandler>(
            [new ChatCommand("search") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 20 }, new ChatCommand("find")],
            SearchHandler.Action);
    }
}
