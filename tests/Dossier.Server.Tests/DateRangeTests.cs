namespace Dossier.Server.Tests;

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("2016-04-19T09:10", "2016-04", "2016-04", true)]
    [InlineData("2016-04-19", "2016-04-20", null, false)]
    [InlineData("2016-04-19", null, "2016-04-18", false)]
    [InlineData("2016-05-01", null, "2016-04", false)]
    [InlineData("2016", "2016-04", "2016-06", true)]
    [InlineData("XXXX-04-19", "2016", null, false)]
    [InlineData(null, "2016", null, false)]
    [InlineData(null, null, null, true)]
    public void A_date_is_in_a_range_unless_it_lies_wholly_outside(string? value, string? from, string? to, bool inside) =>
        Assert.Equal(inside, DateRange.Contains(value, from, to));
}
