using DigestBot.Core.Text;

namespace DigestBot.Core.Tests.Text;

public class SentenceSplitterTests
{
    public static TheoryData<string, string[]> HardCases => new()
    {
        // initials
        { "Президент К.-Ж. Токаев провёл встречу. Она прошла в Астане.", ["Президент К.-Ж. Токаев провёл встречу.", "Она прошла в Астане."] },
        { "Елші А. Бейсенбаев сөз сөйледі. Кездесу аяқталды.", ["Елші А. Бейсенбаев сөз сөйледі.", "Кездесу аяқталды."] },
        { "Тұңғыш Президент Н.Ә. Назарбаев келді. Жиын басталды.", ["Тұңғыш Президент Н.Ә. Назарбаев келді.", "Жиын басталды."] },
        // abbreviations
        { "Речь о реформах, т.е. о законах. Далее выступил министр.", ["Речь о реформах, т.е. о законах.", "Далее выступил министр."] },
        { "Привезли овощи, фрукты и т.д. Торговля шла бойко.", ["Привезли овощи, фрукты и т.д.", "Торговля шла бойко."] },
        { "Встреча прошла в г. Алматы на ул. Абая. Участники довольны.", ["Встреча прошла в г. Алматы на ул. Абая.", "Участники довольны."] },
        { "Закон принят в 2020 г. Он вступил в силу.", ["Закон принят в 2020 г.", "Он вступил в силу."] },
        { "Это было в 2001-2005 гг. при другом руководстве.", ["Это было в 2001-2005 гг. при другом руководстве."] },
        { "Мектеп 1995 ж. салынды. Оны жөндеу керек.", ["Мектеп 1995 ж. салынды.", "Оны жөндеу керек."] },
        { "Выделено 5 тыс. руб. на ремонт. Работы начнутся весной.", ["Выделено 5 тыс. руб. на ремонт.", "Работы начнутся весной."] },
        { "Бюджет – 3 млрд тг. Его утвердили.", ["Бюджет – 3 млрд тг.", "Его утвердили."] },
        { "Школа им. Абая открылась. Mr. Smith came, e.g. on Monday.", ["Школа им. Абая открылась.", "Mr. Smith came, e.g. on Monday."] },
        { "Елшілер, министрлер және др. қатысты. ТМД елдері келісті.", ["Елшілер, министрлер және др. қатысты.", "ТМД елдері келісті."] },
        // numbers
        { "Мақаланы 1,142 адам оқыды. Рейтинг 3.5 болды.", ["Мақаланы 1,142 адам оқыды.", "Рейтинг 3.5 болды."] },
        { "Отмечают 30-летие РК. Праздник пройдёт в мае.", ["Отмечают 30-летие РК.", "Праздник пройдёт в мае."] },
        // quotes
        { "Он сказал: «Мы готовы. Начинаем завтра». Зал аплодировал.", ["Он сказал: «Мы готовы. Начинаем завтра».", "Зал аплодировал."] },
        { "«Мы готовы. Начинаем завтра», – сказал министр. Зал аплодировал.", ["«Мы готовы. Начинаем завтра», – сказал министр.", "Зал аплодировал."] },
        { "«Біз дайынбыз!» – деді ол. Жиналыс жалғасты.", ["«Біз дайынбыз!» – деді ол.", "Жиналыс жалғасты."] },
        { "He said: \"We are ready. We start now.\" Then he left.", ["He said: \"We are ready. We start now.\"", "Then he left."] },
        { "Бұл – негіз. Біз келістік. Басты мақсат – бейбітшілік», – деді ол. Кездесу аяқталды.", ["Бұл – негіз. Біз келістік. Басты мақсат – бейбітшілік», – деді ол.", "Кездесу аяқталды."] },
        // dashes
        { "Бейбітшілік – біздің негізіміз. Келісім — басты құндылық.", ["Бейбітшілік – біздің негізіміз.", "Келісім — басты құндылық."] },
        { "– Вы готовы? – Да, готовы.", ["– Вы готовы?", "– Да, готовы."] },
        // paragraph breaks
        { "Заголовок без точки\n\nПервое предложение. Второе", ["Заголовок без точки", "Первое предложение.", "Второе"] },
        { "Он сказал: «Мы готовы\n\nНачинаем». Точка.", ["Он сказал: «Мы готовы", "Начинаем».", "Точка."] },
        // ellipsis, ! and ?
        { "Что дальше? Посмотрим... Время покажет!", ["Что дальше?", "Посмотрим...", "Время покажет!"] },
        { "Он задумался… и промолчал.", ["Он задумался… и промолчал."] },
    };

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Splits_news_text_into_sentences(string text, string[] sentences) =>
        SentenceSplitter.Split(text).Should().Equal(sentences);

    [Theory]
    [InlineData("Цитата без конца: «Мы готовы. Начинаем завтра. Зал аплодировал.", new[] { "Цитата без конца: «Мы готовы. Начинаем завтра. Зал аплодировал." })]
    [InlineData("Конец без начала. Мы готовы». Зал аплодировал.", new[] { "Конец без начала. Мы готовы».", "Зал аплодировал." })]
    public void Keeps_an_unbalanced_quotation_in_one_sentence(string text, string[] sentences) =>
        SentenceSplitter.Split(text).Should().Equal(sentences);

    [Theory]
    [InlineData("Он сказал: «", "». Зал аплодировал.")]
    [InlineData("Он сказал: «", " Зал аплодировал.")]
    public void A_quotation_longer_than_a_speech_does_not_hold_its_sentences_together(string before, string after)
    {
        var speech = string.Concat(Enumerable.Repeat("Мы продолжим реформы и выполним все обещания. ", 8)).TrimEnd();

        var sentences = SentenceSplitter.Split(before + speech + after);

        sentences.Should().HaveCountGreaterThan(8).And.StartWith("Он сказал: «Мы продолжим реформы и выполним все обещания.");
    }

    [Fact]
    public void Never_leaves_a_dangling_guillemet()
    {
        const string text = "«Бейбітшілік және келісім» қоры. Ол 1995 жылы құрылды. «Біз дайынбыз. Бастаймыз», – деді төраға. Бітті.";
        SentenceSplitter.Split(text).Should().HaveCount(4);
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            sentence.Count(c => c == '«').Should().Be(sentence.Count(c => c == '»'), sentence);
        }
    }

    [Fact]
    public void Gives_ordered_trimmed_ranges_for_any_mix_of_punctuation()
    {
        // Fixed seed: the same 20,000 texts of letters, digits, abbreviations, quotes, brackets and smileys every run.
        var random = new Random(13);
        string[] pieces = ["А", "б", "Дж", "IV", "т", "п", "8", "12", "янв", "§", " ", "\n", ".", ";", ":", ")", "(", "«", "»", "\"", "-", "!", "?", "…", "2)"];
        var ranges = new List<Range>();
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            ranges.Clear();
            SentenceSplitter.SplitRanges(text, ranges);

            var previousEnd = 0;
            foreach (var range in ranges)
            {
                var (start, length) = range.GetOffsetAndLength(text.Length);
                start.Should().BeGreaterThanOrEqualTo(previousEnd, text);
                length.Should().BePositive(text);
                char.IsWhiteSpace(text[start]).Should().BeFalse(text);
                char.IsWhiteSpace(text[start + length - 1]).Should().BeFalse(text);
                previousEnd = start + length;
            }
        }
    }

    [Fact]
    public void Collapses_inner_white_space() =>
        SentenceSplitter.Split("  Раз\n  два   три.  ").Should().Equal("Раз два три.");
}
