using DigestBot.Telegram.Requests;

namespace DigestBot.Telegram;

/// <summary>Calls Bot API methods.</summary>
public interface IBotClient
{
    /// <summary>Sends <paramref name="request"/> and returns its result, repeating it after flood limits and transient failures.</summary>
    /// <exception cref="BotApiException">The Bot API refused the request.</exception>
    /// <exception cref="BotTransportException">No readable answer arrived, or none in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TResult> SendAsync<TResult>(BotRequest<TResult> request, CancellationToken cancellationToken = default);
}
