using System.Text.RegularExpressions;
using DigestBot.Conversation;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Architecture;

/// <summary>No handler names another handler: what two features share lives in a helper of its own (LanguagePicker,
/// TopicList, ChannelArgument, ButtonReplies), so that a handler can be changed knowing only its own folder.</summary>
public sealed class HandlerIsolationTests
{
    [Fact]
    public void No_handler_refers_to_another_handler()
    {
        var handlers = typeof(IChatHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IChatHandler)))
            .Select(t => t.Name)
            .ToList();
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "DigestBot"), "*Handler.cs", SearchOption.AllDirectories)
            .Where(f => handlers.Contains(Path.GetFileNameWithoutExtension(f)))
            .ToList();

        files.Should().HaveCount(handlers.Count, "each handler is in a file of its name");
        foreach (var file in files)
        {
            var own = Path.GetFileNameWithoutExtension(file);
            var code = File.ReadAllText(file);
            handlers.Where(other => other != own && Regex.IsMatch(code, $@"\b{other}\b"))
                .Should().BeEmpty($"{own} should reach what it shares with other features through a helper, not through their handlers");
        }
    }
}
