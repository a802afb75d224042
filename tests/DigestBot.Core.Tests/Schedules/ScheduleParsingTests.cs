using DigestBot.Core.Schedules;

namespace DigestBot.Core.Tests.Schedules;

public class ScheduleParsingTests
{
    [Theory]
    [InlineData("Asia/Almaty", "Asia/Almaty")]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("Almaty", "Asia/Almaty")]
    [InlineData("алматы", "Asia/Almaty")]
    [InlineData("Астана", "Asia/Almaty")]
    [InlineData("Ақтөбе", "Asia/Aqtobe")]
    [InlineData("Moscow", "Europe/Moscow")]
    [InlineData("москва", "Europe/Moscow")]
    [InlineData("London", "Europe/London")]
    [InlineData("UTC+5", "UTC+05:00")]
    [InlineData("utc+05:30", "UTC+05:30")]
    [InlineData("GMT-3", "UTC-03:00")]
    [InlineData("+6", "UTC+06:00")]
    [InlineData("UTC", "UTC")]
    [InlineData("UTC+0", "UTC")]
    public void Zones_are_read_from_ids_offsets_and_cities(string text, string id)
    {
        ScheduleZone.TryParse(text, out var zone, out var stored).Should().BeTrue();
        stored.Should().Be(id);
        ScheduleZone.Resolve(stored).BaseUtcOffset.Should().Be(zone.BaseUtcOffset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus")]
    [InlineData("UTC+15")]
    [InlineData("UTC+5:20")]
    [InlineData("Pacific Standard Time")]
    [InlineData("<b>Almaty</b>")]
    [InlineData("Алматыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыы")]
    public void Anything_else_is_not_a_zone(string? text) => ScheduleZone.TryParse(text, out _, out _).Should().BeFalse();

    [Fact]
    public void London_keeps_summer_time()
    {
        ScheduleZone.TryParse("London", out var zone, out _).Should().BeTrue();
        zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)).Should().Be(TimeSpan.FromHours(1));
        zone.GetUtcOffset(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc)).Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("9:30", 9, 30)]
    [InlineData("09:30", 9, 30)]
    [InlineData("21.00", 21, 0)]
    [InlineData("7", 7, 0)]
    [InlineData(" 23:59 ", 23, 59)]
    public void Times_of_day_are_read_in_the_usual_forms(string text, int hour, int minute)
    {
        DigestTime.TryParse(text, out var time).Should().BeTrue();
        time.Should().Be(new TimeOnly(hour, minute));
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9:60")]
    [InlineData("nine")]
    [InlineData("")]
    [InlineData("-1")]
    public void Other_times_are_refused(string text) => DigestTime.TryParse(text, out _).Should().BeFalse();
}
