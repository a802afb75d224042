using System.Net;

namespace DigestBot.Telegram;

/// <summary>The Bot API could not be reached, did not answer in time or answered with something unreadable.</summary>
public sealed class BotTransportException(string message, Exception? innerException = null, HttpStatusCode? statusCode = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status of an unreadable answer; null when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>Whether the request timed out, as opposed to the caller cancelling it.</summary>
    public bool IsTimeout => InnerException is TimeoutException;

    /// <summary>A dropped connection or a server error page: repeating the request may succeed.</summary>
    internal bool IsTransient => InnerException is HttpRequestException || (int?)StatusCode >= 500;
}
