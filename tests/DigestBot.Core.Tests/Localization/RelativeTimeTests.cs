using DigestBot.Core.Articles;
using DigestBot.Core.Localization;
using Humanizer;

namespace DigestBot.Core.Tests.Localization;

public class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public RelativeTimeTests() => HumanizerLocales.Register();

    [Theory]
    [InlineData(Language.Ru, 0, "только что")]
    [InlineData(Language.Ru, -30, "30 секунд назад")]
    [InlineData(Language.Ru, -21, "21 секунду назад")]
    [InlineData(Language.Ru, -90, "минуту назад")]
    [InlineData(Language.Ru, -5 * 60, "5 минут назад")]
    [InlineData(Language.Ru, -22 * 60, "22 минуты назад")]
    [InlineData(Language.Ru, -3 * 3600, "3 часа назад")]
    [InlineData(Language.Ru, -5 * 3600, "5 часов назад")]
    [InlineData(Language.Ru, -21 * 3600, "21 час назад")]
    [InlineData(Language.Ru, -30 * 3600, "вчера")]
    [InlineData(Language.Ru, -3 * 86400, "3 дня назад")]
    [InlineData(Language.Ru, -21 * 86400, "21 день назад")]
    [InlineData(Language.Ru, -25 * 86400, "25 дней назад")]
    [InlineData(Language.Ru, -62 * 86400, "2 месяца назад")]
    [InlineData(Language.Ru, -3600, "час назад")]
    [InlineData(Language.Ru, -400 * 86400, "год назад")]
    [InlineData(Language.Ru, -5 * 365 * 86400, "5 лет назад")]
    [InlineData(Language.Ru, 30 * 3600, "завтра")]
    [InlineData(Language.Ru, 2 * 86400, "через 2 дня")]
    [InlineData(Language.Ru, 90, "через минуту")]
    [InlineData(Language.Ru, 5 * 3600, "через 5 часов")]
    [InlineData(Language.Kk, 0, "қазір")]
    [InlineData(Language.Kk, -90, "1 минут бұрын")]
    [InlineData(Language.Kk, -3 * 3600, "3 сағат бұрын")]
    [InlineData(Language.Kk, -30 * 3600, "кеше")]
    [InlineData(Language.Kk, -2 * 86400, "2 күн бұрын")]
    [InlineData(Language.Kk, -21 * 86400, "21 күн бұрын")]
    [InlineData(Language.Kk, -62 * 86400, "2 ай бұрын")]
    [InlineData(Language.Kk, -400 * 86400, "1 жыл бұрын")]
    [InlineData(Language.Kk, 30 * 3600, "ертең")]
    [InlineData(Language.Kk, 2 * 86400, "2 күннен кейін")]
    [InlineData(Language.Kk, 3 * 3600, "3 сағаттан кейін")]
    [InlineData(Language.Kk, 10 * 60, "10 минуттан кейін")]
    [InlineData(Language.En, 0, "now")]
    [InlineData(Language.En, -3 * 3600, "3 hours ago")]
    [InlineData(Language.En, -30 * 3600, "yesterday")]
    [InlineData(Language.En, 2 * 86400, "2 days from now")]
    public void Formats_how_long_ago_in_the_readers_language(Language language, int secondsFromNow, string expected) =>
        RelativeTime.Format(Now.AddSeconds(secondsFromNow), Now, language).Should().Be(expected);

    [Fact]
    public void Humanizer_itself_speaks_russian_and_kazakh_for_regional_cultures()
    {
        var then = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
        var now = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        then.Humanize(utcDate: true, dateToCompareAgainst: now, culture: HumanizerLocales.Culture(Language.Ru)).Should().Be("3 часа назад");
        then.Humanize(utcDate: true, dateToCompareAgainst: now, culture: HumanizerLocales.Culture(Language.Kk)).Should().Be("3 сағат бұрын");
        then.Humanize(utcDate: true, dateToCompareAgainst: now, culture: HumanizerLocales.Culture(Language.En)).Should().Be("3 hours ago");
    }

    [Fact]
    public void Registration_is_idempotent_and_thread_safe()
    {
        Parallel.For(0, 16, _ => HumanizerLocales.Register());

        RelativeTime.Format(Now.AddHours(-3), Now, Language.Ru).Should().Be("3 часа назад");
    }
}
