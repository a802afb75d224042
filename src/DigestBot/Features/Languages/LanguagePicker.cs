using DigestBot.Conversation;
using DigestBot.Core.Rendering;

namespace DigestBot.Features.Languages;

/// <summary>The language buttons that /start, /language and /settings show; their presses come back to /language.</summary>
public static class LanguagePicker
{
    /// <summary>The callback action of a language button ("lang:ru").</summary>
    public const string LanguageAction = "lang";

    /// <summary>The callback action of the all-languages / my-language-only choice ("scope:all").</summary>
    public const string ScopeAction = "scope";

    public const string All = "all";
    public const string Mine = "mine";

    /// <summary>Each language named in itself, so that anyone finds their own.</summary>
    public static IReadOnlyList<Button> Languages { get; } =
    [
        new Button("Русский", CallbackData.Build(LanguageAction, "ru")),
        new Button("Қазақша", CallbackData.Build(LanguageAction, "kk")),
        new Button("English", CallbackData.Build(LanguageAction, "en")),
    ];

    /// <summary>The languages, then the choice between all languages and the chat's own, the current one ticked.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Rows(ChatTurn turn, bool allLanguages) =>
    [
        Languages,
        [
            new Button(ButtonReplies.Tick(allLanguages) + turn.Text("Button_AllLanguages"), CallbackData.Build(ScopeAction, All)),
            new Button(ButtonReplies.Tick(!allLanguages) + turn.Text("Button_MyLanguageOnly"), CallbackData.Build(ScopeAction, Mine)),
        ],
    ];
}
