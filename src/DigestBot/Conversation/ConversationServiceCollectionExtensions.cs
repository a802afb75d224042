using DigestBot.Core.Conversation;
using DigestBot.Localization;
using Microsoft.Extensions.Options;

namespace DigestBot.Conversation;

/// <summary>Registers the dispatcher and what every feature's handlers share: texts, chat settings, the flood limit and
/// the command registry. The handlers themselves come with their features (<c>AddFeatures</c>).</summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<Texts>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ChatDirectory>();
        services.AddOptions<FloodOptions>().BindConfiguration(FloodOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FloodOptions>, FloodOptionsValidator>();
        services.AddSingleton(sp => new FloodLimiter(
            sp.GetRequiredService<IOptions<FloodOptions>>().Value.CommandsPerMinute, TimeSpan.FromMinutes(1), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<Dispatcher>();
        return services;
    }
}
