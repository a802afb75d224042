using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

public class SentenceFiltersTests
{
    [Theory]
    [InlineData("Фото: пресс-служба акимата")]
    [InlineData("Источник: Министерство финансов РК")]
    [InlineData("Подписывайтесь на наш канал в Telegram.")]
    [InlineData("Сараптама, зерттеу мақала, күнделікті өзекті ақпаратты «Айқынның» Telegram арнасынан таба аласыз.")]
    [InlineData("Read more at https://example.com/news")]
    public void Boilerplate(string sentence) => SentenceFilters.IsBoilerplate(sentence).Should().BeTrue();

    [Theory]
    [InlineData("«Мы готовы. Начинаем завтра».")]
    [InlineData("«Бірлік – біздің басты байлығымыз»")]
    [InlineData("\"We are ready.\"")]
    [InlineData("– Вы готовы к запуску?")]
    public void Quotation_without_attribution(string sentence) => SentenceFilters.IsQuoteOnly(sentence).Should().BeTrue();

    [Theory]
    [InlineData("«Мы готовы», – сказал министр.")]
    [InlineData("«AMANAT» партиясы дөңгелек үстел өткізді.")]
    [InlineData("«Нур Отан» и «AMANAT» провели встречу.")]
    [InlineData("Министр сказал: «Мы готовы».")]
    public void Quotation_with_context(string sentence) => SentenceFilters.IsQuoteOnly(sentence).Should().BeFalse();

    [Theory]
    [InlineData("«Мы готовы. Начинаем завтра», – сказал министр.", true)]
    [InlineData("«Метро – кептеліс мәселесін шешудің ең тиімді жолы», – деді әкім.", true)]
    [InlineData("\"We are ready to start tomorrow,\" the minister said.", true)]
    [InlineData("«AMANAT» партиясы дөңгелек үстел өткізді.", false)]
    [InlineData("«Казгидромет» объявил штормовое предупреждение – ветер до 25 м/с.", false)]
    [InlineData("Министр сказал: «Мы готовы».", false)]
    [InlineData("«Мы готовы. Начинаем завтра».", false)]
    public void Direct_speech(string sentence, bool speech) => SentenceFilters.IsDirectSpeech(sentence).Should().Be(speech);

    [Theory]
    [InlineData("Экспорт составит 11 млн тонн пшеницы.", true)]
    [InlineData("С 1 января заработает система контроля скорости.", true)]
    [InlineData("Ставка сохранена на уровне 16,5% годовых.", true)]
    [InlineData("Ущерб оценивается в 2025,5 тыс. тенге.", true)]
    [InlineData("Весной 2024 года Казахстан пережил сильное половодье.", false)]
    [InlineData("В 1990-е годы завод простаивал.", false)]
    [InlineData("Министрлік азық-түлік қауіпсіздігін басты мақсат деп санайды.", false)]
    public void Quantity_other_than_a_bare_year(string sentence, bool quantity) =>
        SentenceFilters.HasQuantity(sentence).Should().Be(quantity);

    [Theory]
    [InlineData(Language.Ru, "Новая школа в Конаеве", true)]
    [InlineData(Language.Ru, "Новую школу в Конаеве открыли", false)]
    [InlineData(Language.Kk, "Бейбітшілік және келісім керуені: «AMANAT» партиясында дөңгелек үстел өтті", false)]
    [InlineData(Language.Kk, "Бейбітшілік және келісім керуені", true)]
    [InlineData(Language.Ru, "Аким открыл школу.", false)]
    public void Heading(Language language, string sentence, bool heading) =>
        SentenceFilters.IsHeading(sentence, language).Should().Be(heading);

    [Theory]
    [InlineData(Language.Ru, "Он подчеркнул важность реформ.", true)]
    [InlineData(Language.Ru, "Кроме того, будет построена школа.", true)]
    [InlineData(Language.Ru, "При этом цены выросли.", true)]
    [InlineData(Language.Ru, "Онлайн-торговля выросла вдвое.", false)]
    [InlineData(Language.Ru, "Этот год стал рекордным.", true)]
    [InlineData(Language.Kk, "Оның айтуынша, жоспар орындалды.", true)]
    [InlineData(Language.Kk, "Бұл халықтық дипломатияның миссиясы болды.", true)]
    [InlineData(Language.Kk, "Сондай-ақ жиында жаңа жоспар талқыланды.", true)]
    [InlineData(Language.Kk, "Олимпиада ойындары басталды.", false)]
    [InlineData(Language.En, "It was the first meeting of the year.", true)]
    [InlineData(Language.En, "Also, the ministry said prices rose.", true)]
    [InlineData(Language.En, "Itemized bills were sent out.", false)]
    public void Anaphora(Language language, string sentence, bool anaphoric) =>
        SentenceFilters.StartsWithAnaphora(sentence, language).Should().Be(anaphoric);

    [Theory]
    [InlineData("1,142 оқылды", true)]
    [InlineData("Итак, школа.", true)]
    [InlineData("Аким области открыл новую школу.", false)]
    public void Too_short(string sentence, bool tooShort) => SentenceFilters.IsTooShort(sentence).Should().Be(tooShort);
}
