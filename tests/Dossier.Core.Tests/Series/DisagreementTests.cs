using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>Which figures of one series and day disagree, on the Covid round-ups of August 2020 (orangesum).</summary>
public class DisagreementTests
{
    private static IReadOnlyList<QuantitySeries> Build(params string[] ids)
    {
        var documents = Orangesum.Articles(ids);
        return SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
    }

    [Fact]
    public void ARegionsTollAndFurtherOnTheWorldsAreNoTwoSourcesOfOneArticle()
    {
        // 33781 (8 August 2020): "cette région dépasse l'Europe, qui comptabilise 212.660 morts, selon un
        // bilan établi à 17H00 GMT", then "la pandémie a fait plus de 715.000 morts dans le monde …, selon
        // un bilan établi par l'AFP vendredi". Both land in Europe's tolls; the article does not set one
        // against the other, so they are no disagreement, and one article's figures alone form no series.
        var series = Build("33781");
        Assert.DoesNotContain(series, s => s.Label == "deaths (toll) — Europe");
        Assert.All(series, s => Assert.Empty(s.Disagreements));
    }

    [Fact]
    public void TwoDaysCountsOfOneAgencyGivenOnOneDayDoNotDisagree()
    {
        // 32927 (25 August): the AFP's count "lundi", "Les États-Unis sont le pays le plus touché avec
        // 177.215 décès"; 35325 (25 August): its count "mardi", "… avec 177.284 décès". Both are dated the
        // 25th (the first by its article's day), and are a day's rise, not two sources at odds.
        var deaths = Assert.Single(Build("32927", "35325"), s => s.Label == "deaths (toll) — États-Unis");
        Assert.Equal(["2020-08-25 177215 d1", "2020-08-25 177284 d2"], deaths.Points.Select(p => $"{p.Date} {p.Quantity.Value} {p.DocumentId}").ToArray());
        Assert.Empty(deaths.Disagreements);
    }
}
