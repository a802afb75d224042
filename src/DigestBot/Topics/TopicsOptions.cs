namespace DigestBot.Topics;

/// <summary>Where the topic catalogue is (section <c>Topics</c>).</summary>
public sealed class TopicsOptions
{
    public const string Section = "Topics";

    /// <summary>The catalogue file, relative to the working directory unless absolute.</summary>
    public string CatalogPath { get; set; } = "seeds/topics.json";
}
