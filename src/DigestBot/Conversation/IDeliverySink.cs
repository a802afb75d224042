namespace DigestBot.Conversation;

/// <summary>Where scheduled digests go: a message is sent part by part, and each part's id is told as it goes out.</summary>
public interface IDeliverySink
{
    /// <summary>Sends like <see cref="IReplySink.SendAsync"/>, adding each part's message id to <paramref name="sentIds"/>
    /// as it goes out, so that after a failure the caller knows what was sent.</summary>
    Task SendAsync(long chatId, OutgoingMessage message, ICollection<int> sentIds, CancellationToken cancellationToken);
}
