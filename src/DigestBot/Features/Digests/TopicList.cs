using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Core.Topics;

namespace DigestBot.Features.Digests;

/// <summary>The topics a digest covers, as a reader types them (/subscribe, /schedule) and as the bot shows them back.</summary>
public static class TopicList
{
    /// <summary>Topic names separated by spaces or commas, each in any language; the unknown ones are returned as typed.</summary>
    public static (List<string> Topics, List<string> Unknown) Parse(TopicCatalog catalog, string text)
    {
        var topics = new List<string>();
        var unknown = new List<string>();
        foreach (var word in text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            if (catalog.Find(word) is { } topic)
            {
                if (!topics.Contains(topic.Id))
                {
                    topics.Add(topic.Id);
                }
            }
            else
            {
                unknown.Add(TextTruncation.Truncate(word, 40));
            }
        }

        return (topics, unknown);
    }

    /// <summary>"all topics", or the topics' names in the turn's language.</summary>
    public static string Describe(ChatTurn turn, TopicCatalog catalog, IReadOnlyList<string> topicIds) =>
        topicIds.Count == 0
            ? turn.Text("Subscribe_AllTopics")
            : turn.Text("Subscribe_Topics", TelegramHtml.Escape(string.Join(", ", topicIds.Select(id => catalog.Get(id)?.Name(turn.Language) ?? id))));
}
