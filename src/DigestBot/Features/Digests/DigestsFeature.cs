using DigestBot.Conversation;
using Microsoft.Extensions.Options;

namespace DigestBot.Features.Digests;

/// <summary>A chat's daily digest: /subscribe, /unsubscribe, /time, /timezone, /filter and /digest, the subscriptions
/// they change (section <c>Digest</c> for the defaults) and the digests built from them.</summary>
public sealed class DigestsFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<DigestService>();
        services.AddChatHandler<SubscribeHandler>([new ChatCommand("subscribe") { Menus = CommandMenus.Private, HasHelpLine = true, Position = 40 }, new ChatCommand("unsubscribe")]);
        services.AddChatHandler<DigestTimeHandler>([new ChatCommand("time") { HasHelpLine = true, Position = 45 }, new ChatCommand("timezone")]);
        services.AddChatHandler<DigestHandler>([new ChatCommand("digest") { Menus = CommandMenus.Private | CommandMenus.Groups, HasHelpLine = true, Position = 50 }]);

        // /filter has its place in the line of /digest.
        services.AddChatHandler<FilterHandler>([new ChatCommand("filter")]);
    }
}
