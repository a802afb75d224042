using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Serialization;

/// <summary>The envelope around every Bot API answer.</summary>
internal sealed record ApiResponse<TResult>(
    bool Ok,
    TResult? Result,
    int? ErrorCode,
    string? Description,
    ResponseParameters? Parameters);
