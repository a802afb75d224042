using System.Globalization;
using DigestBot.Core.Articles;
using DigestBot.Core.Localization;
using Microsoft.Extensions.Localization;

namespace DigestBot.Localization;

/// <summary>The bot's texts in a given language, from the resource files.</summary>
public sealed class Texts(IStringLocalizer<Messages> localizer)
{
    public string Get(Language language, string key, params object[] arguments)
    {
        // The localizer reads the UI culture; the lookup is synchronous, so the switch cannot leak to other work.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = HumanizerLocales.Culture(language);
        try
        {
            var text = localizer[key];
            if (text.ResourceNotFound)
            {
                throw new KeyNotFoundException($"localization: no text '{key}'");
            }

            return arguments.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentCulture, text.Value, arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>"5 статей": the number with the form of the word its plural rule asks for.</summary>
    public string Count(Language language, string key, long n) => Plural.Format(language, n, Get(language, key));
}
