using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>Sources disagree only when two figures of one measured thing, the same day, allow no common
/// value once their qualifiers ("au moins", "plus de") are read.</summary>
public class DisagreementTests
{
    [Fact]
    public void AtLeastFourThousandInjuredAndFiveThousandInjuredTheSameDayAreNoDisagreement()
    {
        // Beirut, 6 August 2020: 36468 "au moins 4.000 blessés", 36488 "5.000 blessés".
        var documents = Orangesum.Articles("36468", "36488");
        var injured = Assert.Single(SeriesBuilder.Build(documents, EntityResolver.Resolve(documents)), s => s.Unit == "injured");
        Assert.Equal([("d1", "au moins 4.000 blessés", 4000d, "at_least"), ("d2", "5.000 blessés", 5000d, "exact")],
            injured.Points.Select(p => (p.DocumentId, p.Document.TextOf(p.Quantity.Span), p.Quantity.Value, p.Quantity.Qualifier)));
        Assert.Equal("2020-08-06", Assert.Single(injured.Points.Select(p => p.Date).Distinct()));
        Assert.Empty(injured.Disagreements);
    }
}
