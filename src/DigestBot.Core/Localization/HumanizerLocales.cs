using System.Globalization;
using DigestBot.Core.Articles;
using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>Teaches Humanizer Kazakh, which it lacks, and corrects a few of its Russian words.</summary>
public static class HumanizerLocales
{
    private static readonly CultureInfo RussianCulture = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo KazakhCulture = CultureInfo.GetCultureInfo("kk-KZ");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-US");
    private static readonly Lock Gate = new();
    private static volatile bool registered;

    /// <summary>Registers the ru and kk formatters with Humanizer; safe to call any number of times from any thread.</summary>
    /// <remarks>Humanizer freezes its formatter registry the first time it humanizes a date, time span or size, and refuses
    /// registrations after that, so this runs at start-up.</remarks>
    public static void Register()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            Configurator.Formatters.Register("ru", culture => new RussianFormatter(culture));
            Configurator.Formatters.Register("kk", culture => new KazakhFormatter(culture));
            registered = true;
        }
    }

    /// <summary>The culture Humanizer and number formatting should use for <paramref name="language"/>.</summary>
    public static CultureInfo Culture(Language language) => language switch
    {
        Language.Ru => RussianCulture,
        Language.Kk => KazakhCulture,
        Language.En => EnglishCulture,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };
}
