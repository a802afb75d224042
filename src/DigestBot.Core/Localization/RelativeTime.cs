using DigestBot.Core.Articles;
using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>"3 часа назад", "кеше", "in 2 days": how long ago or ahead a moment is, in the reader's language.</summary>
public static class RelativeTime
{
    public static string Format(DateTimeOffset then, DateTimeOffset now, Language language)
    {
        HumanizerLocales.Register();
        return then.Humanize(now, HumanizerLocales.Culture(language));
    }
}
