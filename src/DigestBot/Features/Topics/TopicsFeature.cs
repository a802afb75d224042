using DigestBot.Conversation;

namespace DigestBot.Features.Topics;

/// <summary>/topic (and /topics, answered but not listed), its topic buttons and its "More" button.</summary>
public sealed class TopicsFeature : IFeature
{
    public void Register(IServiceCollection services) =>
        services.AddChatHandler<TopicHandler>(
            [new ChatCommand("topic") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 30 }, new ChatCommand("topics")],
            TopicHandler.Action,
            TopicHandler.CatalogAction);
}
