using DigestBot.Storage;

namespace DigestBot.Features.Digests;

/// <summary>A group's or channel's digest as its admin sees it listed: the subscription and the chat's title.</summary>
public sealed record ManagedDigest(Subscription Subscription, string Title);
