using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>A Bot API method call whose result reads as <typeparamref name="TResult"/>.</summary>
public abstract record BotRequest<TResult>
{
    // Only this assembly defines requests: each must be registered with the source-generated JSON context.
    private protected BotRequest(string methodName) => MethodName = methodName;

    /// <summary>The Bot API method name, the last segment of the request path.</summary>
    [JsonIgnore]
    public string MethodName { get; }

    /// <summary>How long the server may hold the request before answering, added to the client's request timeout.</summary>
    [JsonIgnore]
    internal virtual TimeSpan ServerWait => TimeSpan.Zero;

    /// <summary>The chat whose flood limits the request counts against; null for methods that post nothing into a chat.</summary>
    [JsonIgnore]
    internal virtual ChatId? RateLimitChat => null;

    /// <summary>An acknowledgement whose result callers do not read, so an answer without one is still a success.</summary>
    [JsonIgnore]
    internal virtual bool ResultIsOptional => false;
}
