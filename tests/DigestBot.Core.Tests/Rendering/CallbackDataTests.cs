using System.Text;
using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Rendering;

public class CallbackDataTests
{
    [Theory]
    [InlineData("latest", new string[0], "v1:latest")]
    [InlineData("latest", new[] { "p", "2" }, "v1:latest:p:2")]
    [InlineData("topic", new[] { "экономика" }, "v1:topic:экономика")]
    [InlineData("search", new[] { "12:30", "100%" }, "v1:search:12%3A30:100%25")]
    [InlineData("search", new[] { "" }, "v1:search:")]
    public void Builds_compact_strings(string action, string[] arguments, string expected) =>
        CallbackData.Build(action, arguments).Should().Be(expected);

    [Theory]
    [InlineData("latest", new[] { "p", "2" })]
    [InlineData("search", new[] { "a:b:c", "%3A literally", "%", "::" })]
    [InlineData("topic", new[] { "жаңалықтар", "😀" })]
    [InlineData("set-lang", new[] { "kk" })]
    [InlineData("noargs", new string[0])]
    public void Round_trips(string action, string[] arguments)
    {
        var data = CallbackData.Build(action, arguments);

        CallbackData.TryParse(data, out var parsed).Should().BeTrue();
        parsed!.Action.Should().Be(action);
        parsed.Arguments.Should().Equal(arguments);
        parsed.ToString().Should().Be(data);
    }

    [Fact]
    public void Exactly_64_bytes_is_allowed_and_65_is_refused()
    {
        var fits = CallbackData.Build("s", new string('x', 64 - "v1:s:".Length));
        Encoding.UTF8.GetByteCount(fits).Should().Be(64);

        FluentActions.Invoking(() => CallbackData.Build("s", new string('x', 65 - "v1:s:".Length)))
            .Should().Throw<ArgumentException>().WithMessage("*65 UTF-8 bytes*");
    }

    [Fact]
    public void The_limit_counts_utf8_bytes_not_characters() =>
        FluentActions.Invoking(() => CallbackData.Build("topic", new string('ж', 30)))
            .Should().Throw<ArgumentException>("30 Cyrillic letters are 60 bytes, 70 with the prefix");

    [Fact]
    public void Escaping_counts_against_the_limit() =>
        FluentActions.Invoking(() => CallbackData.Build("s", new string(':', 20)))
            .Should().Throw<ArgumentException>();

    [Theory]
    [InlineData("")]
    [InlineData("Latest")]
    [InlineData("with space")]
    [InlineData("has:colon")]
    [InlineData("waytoolongactionname")]
    [InlineData("жаңа")]
    public void Action_names_are_short_lowercase_ascii(string action) =>
        FluentActions.Invoking(() => CallbackData.Build(action)).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1:")]
    [InlineData("v2:latest:p:2")]
    [InlineData("latest:p:2")]
    [InlineData("V1:latest")]
    [InlineData("v1:Latest")]
    [InlineData("v1:latest:bad%escape")]
    [InlineData("v1:latest:trailing%")]
    [InlineData("v1:latest:%3a")]
    [InlineData("{\"action\":\"like\",\"id\":5}")]
    [InlineData("like_5")]
    [InlineData("\0\0\0")]
    [InlineData("v1:жаңа:1")]
    public void Foreign_or_malformed_data_is_not_parsed(string? data)
    {
        CallbackData.TryParse(data, out var parsed).Should().BeFalse();
        parsed.Should().BeNull();
    }

    [Fact]
    public void Oversized_data_is_not_parsed() =>
        CallbackData.TryParse("v1:latest:" + new string('9', 190), out _).Should().BeFalse();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_unicode_never_throws(int seed)
    {
        var random = new Random(seed);
        var chars = Enumerable.Range(0, random.Next(0, 200)).Select(_ => random.Next(4) switch
        {
            0 => ':',
            1 => '%',
            2 => (char)random.Next(0x20, 0x7f),
            _ => (char)random.Next(0, 0xFFFF),
        });
        var data = (random.Next(2) == 0 ? "v1:" : "") + new string(chars.ToArray());

        FluentActions.Invoking(() => CallbackData.TryParse(data, out _)).Should().NotThrow();
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 50))
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [InlineData("v1:latest:p:2", 1, true, 2)]
    [InlineData("v1:latest:p:-3", 1, true, -3)]
    [InlineData("v1:latest:p:two", 1, false, 0)]
    [InlineData("v1:latest:p:99999999999", 1, false, 0)]
    [InlineData("v1:latest:p", 1, false, 0)]
    [InlineData("v1:latest:p:2", -1, false, 0)]
    public void Integer_arguments_are_read_safely(string data, int index, bool ok, int expected)
    {
        CallbackData.TryParse(data, out var parsed).Should().BeTrue();

        parsed!.TryGetInt32(index, out var value).Should().Be(ok);
        value.Should().Be(expected);
    }

    [Fact]
    public void Parsed_data_compares_by_value()
    {
        CallbackData.TryParse("v1:latest:p:2", out var a);
        CallbackData.TryParse("v1:latest:p:2", out var b);

        a.Should().Be(b);
        a!.GetHashCode().Should().Be(b!.GetHashCode());
    }
}
