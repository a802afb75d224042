using System.Text.Json.Serialization;
namespace DigestBot.Telegram.Requests;

/// <summary>answerCallbackQuery: stops the button's progress indicator, optionally with a notice.</summary>
public sealed record AnswerCallbackQueryRequest(string CallbackQueryId) : BotRequest<bool>("answerCallbackQuery")
{
    public string? Text { get; init; }

    public bool? ShowAlert { get; init; }

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
