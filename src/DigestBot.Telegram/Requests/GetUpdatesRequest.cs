using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>getUpdates: the updates after <see cref="Offset"/>, waiting up to <see cref="Timeout"/> seconds for one.</summary>
public sealed record GetUpdatesRequest() : BotRequest<IReadOnlyList<Update>>("getUpdates")
{
    /// <summary>The first update id wanted; asking for it confirms every update before it.</summary>
    public long? Offset { get; init; }

    public int? Limit { get; init; }

    /// <summary>Long-polling timeout in seconds.</summary>
    public int? Timeout { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }

    internal override TimeSpan ServerWait => TimeSpan.FromSeconds(Timeout.GetValueOrDefault());
}
