using DigestBot.Core.Articles;
using DigestBot.Core.Localization;
using Humanizer;

namespace DigestBot.Core.Tests.Localization;

public class HumanizerLocalesTests
{
    public HumanizerLocalesTests() => HumanizerLocales.Register();

    [Theory]
    [InlineData(Language.Ru, 0, "0 миллисекунд")]
    [InlineData(Language.Ru, 1, "1 секунда")]
    [InlineData(Language.Ru, 120, "2 минуты")]
    [InlineData(Language.Ru, 3600, "1 час")]
    [InlineData(Language.Ru, 5 * 86400, "5 дней")]
    [InlineData(Language.Ru, 21 * 86400, "3 недели")]
    [InlineData(Language.Ru, 7 * 86400, "1 неделя")]
    [InlineData(Language.Kk, 120, "2 минут")]
    [InlineData(Language.Kk, 5 * 86400, "5 күн")]
    [InlineData(Language.Kk, 14 * 86400, "2 апта")]
    [InlineData(Language.En, 120, "2 minutes")]
    public void Durations_use_the_nominative(Language language, int seconds, string expected) =>
        TimeSpan.FromSeconds(seconds).Humanize(culture: HumanizerLocales.Culture(language)).Should().Be(expected);

    [Theory]
    [InlineData(Language.Ru, 4000, 2, "1 час, 6 минут")]
    [InlineData(Language.Kk, 4000, 2, "1 сағат, 6 минут")]
    public void Durations_with_precision_join_units(Language language, int seconds, int precision, string expected) =>
        TimeSpan.FromSeconds(seconds).Humanize(precision, HumanizerLocales.Culture(language), collectionSeparator: ", ").Should().Be(expected);

    [Theory]
    [InlineData(60, "одна минута")]
    [InlineData(2 * 3600, "два часа")]
    [InlineData(21 * 60, "двадцать одна минута")]
    [InlineData(22 * 60, "двадцать две минуты")]
    [InlineData(21 * 3600, "двадцать один час")]
    [InlineData(0, "нет времени")]
    public void Russian_durations_can_be_written_in_words(int seconds, string expected) =>
        TimeSpan.FromSeconds(seconds).Humanize(culture: HumanizerLocales.Culture(Language.Ru), toWords: true).Should().Be(expected);

    [Theory]
    [InlineData(Language.Ru, TimeUnit.Hour, "ч")]
    [InlineData(Language.Kk, TimeUnit.Hour, "сағ")]
    [InlineData(Language.En, TimeUnit.Hour, "h")]
    public void Time_unit_symbols_are_localised(Language language, TimeUnit unit, string expected) =>
        unit.ToSymbol(HumanizerLocales.Culture(language)).Should().Be(expected);

    [Theory]
    [InlineData(Language.Ru, 1, "1 килобайт", "1 КБ")]
    [InlineData(Language.Ru, 2, "2 килобайта", "2 КБ")]
    [InlineData(Language.Ru, 5, "5 килобайт", "5 КБ")]
    [InlineData(Language.Kk, 5, "5 килобайт", "5 КБ")]
    public void Sizes_are_localised(Language language, int kilobytes, string words, string symbol)
    {
        var culture = HumanizerLocales.Culture(language);

        ByteSize.FromKilobytes(kilobytes).ToFullWords(provider: culture).Should().Be(words);
        ByteSize.FromKilobytes(kilobytes).ToString(culture).Should().Be(symbol);
    }
}
