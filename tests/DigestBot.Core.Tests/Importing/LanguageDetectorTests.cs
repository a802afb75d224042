using DigestBot.Core.Articles;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("В Алматы подвели итоги года. Участники обсудили планы на 2026 год и работу с молодежью.", Language.Ru)]
    [InlineData("Іс-шараға Кеңес мүшелері және комитеттің қызметкерлері қатысты.", Language.Kk)]
    [InlineData("Отырыс барысында тараптар екі ел арасындағы ынтымақтастықты талқылады.", Language.Kk)]
    [InlineData("The Assembly of People of Kazakhstan marked its 30th anniversary in Astana on Monday.", Language.En)]
    [InlineData("Президент провел встречу с делегацией Astana International Financial Centre и обсудил инвестиции.", Language.Ru)]
    [InlineData("Kazakhstan’s Senate speaker met the EU delegation; «Бір ел – бір мүдде» was quoted.", Language.En)]
    public void Detects_the_language_of_a_text(string text, Language expected) =>
        LanguageDetector.Detect(text).Should().Be(expected);

    [Fact]
    public void A_russian_article_with_kazakh_teasers_below_it_is_russian()
    {
        const string text = """
            Сегодня в Шымкенте состоялась международная научно-практическая конференция, посвященная роли Ассамблеи.
            Основная цель мероприятия – обсудить опыт Ассамблеи в укреплении общественного согласия и единства, а также определить новые возможности.
            Докладчики отметили, что укрепление единства этносов является важнейшим условием региональной стабильности.
            Шымкент: Қала басшысы поляктың холдингі өкілдерімен кезекті рет кездесу өткізді
            Шымкентте құқық қорғау органдары өкілдері мен студенттер арасында ашық диалог өтті
            """;

        LanguageDetector.Detect(text).Should().Be(Language.Ru);
    }

    [Fact]
    public void A_kazakh_article_with_a_russian_attribution_is_kazakh()
    {
        const string text = """
            Отырыста Қазақстанның ТМД-дағы төрағалығы қорытындыланды, передает Деловой Казахстан.
            Іс-шараға Кеңес мүшелері, сондай-ақ ТМД Атқарушы комитетінің қызметкерлері қатысты.
            Источник: dknews.kz
            """;

        LanguageDetector.Detect(text).Should().Be(Language.Kk);
    }
}
