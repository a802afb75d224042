namespace DigestBot.Conversation;

/// <summary>One handler as a feature registered it: its type, the commands it answers and the button presses
/// (callback actions) it answers.</summary>
public sealed record ChatHandlerRegistration(Type HandlerType, IReadOnlyList<ChatCommand> Commands, IReadOnlyList<string> CallbackActions);

/// <summary>How a feature registers its handlers.</summary>
public static class ChatHandlerServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> for <paramref name="commands"/> and the button presses
    /// <paramref name="callbackActions"/>; the dispatcher, the command menus and /help all read this.</summary>
    public static IServiceCollection AddChatHandler<THandler>(this IServiceCollection services, IReadOnlyList<ChatCommand> commands, params IReadOnlyList<string> callbackActions)
        where THandler : class, IChatHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton(new ChatHandlerRegistration(typeof(THandler), commands, callbackActions));
        return services;
    }
}
