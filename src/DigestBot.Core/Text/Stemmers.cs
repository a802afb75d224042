using DigestBot.Core.Articles;

namespace DigestBot.Core.Text;

/// <summary>The stemmer for each <see cref="Language"/>; all of them are stateless and thread-safe.</summary>
public static class Stemmers
{
    public static IStemmer Russian { get; } = new RussianStemmer();

    public static IStemmer English { get; } = new EnglishStemmer();

    public static IStemmer Kazakh { get; } = new KazakhStemmer();

    public static IStemmer For(Language language) => language switch
    {
        Language.Ru => Russian,
        Language.Kk => Kazakh,
        Language.En => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };
}
