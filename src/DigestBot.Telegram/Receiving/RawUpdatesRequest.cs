using System.Text.Json;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Telegram;

/// <summary>
/// getUpdates answered as raw JSON, one element per update. Telegram.Bot's own request reads the whole array at once,
/// so one update it cannot read would fail the batch, and the batch would be asked for again forever; the poller
/// reads each element alone instead (<see cref="UpdateJson"/>).
/// </summary>
public sealed class RawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    /// <summary>The first update id wanted; asking for it confirms every update before it.</summary>
    public long? Offset { get; set; }

    public int? Limit { get; set; }

    /// <summary>Long-polling timeout in seconds.</summary>
    public int? Timeout { get; set; }

    public IEnumerable<UpdateType>? AllowedUpdates { get; set; }
}
