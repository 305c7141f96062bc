using Dossier.Core.Events;

namespace Dossier.Core.Tests.Events;

/// <summary>The day a date value names, read as "yyyy-MM-dd" reads it.</summary>
public class EventDatesTests
{
    [Theory]
    [InlineData("2016-04-18", "2016-04-18")]
    [InlineData("2016-04-18T10:00", "2016-04-18")]
    [InlineData("2016-02-29", "2016-02-29")]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("2015-02-29", null)]
    [InlineData("2016-04-31", null)]
    [InlineData("2016-13-01", null)]
    [InlineData("2016-00-10", null)]
    [InlineData("2016-01-00", null)]
    [InlineData("0000-01-01", null)]
    [InlineData("2016-4-18", null)]
    [InlineData(" 2016-04-18", null)]
    [InlineData("+016-04-18", null)]
    [InlineData("2016/04/18", null)]
    [InlineData("XXXX-01-03", null)]
    [InlineData("2016-W15-1", null)]
    [InlineData("2016-04", null)]
    [InlineData("２０１６-04-18", null)]
    public void A_value_names_a_day_only_when_it_begins_with_a_real_day_of_a_known_year(string value, string? day) =>
        Assert.Equal(day, EventDates.Day(value)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
