using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>Series are figures of one measured thing, and disagreements are real ones, on sentences of
/// news articles (the Beirut explosions of August 2020 and the Libyan war coverage).</summary>
public class MeasuredThingTests
{
    private static IReadOnlyList<QuantitySeries> Build(params string[] articles)
    {
        var documents = articles.Select((text, i) => new ExportedDocument($"d{i + 1}", Samples.AnalyseText(text, $"a{i + 1}.txt"))).ToList();
        return SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
    }

    private static string[] Figures(QuantitySeries series) =>
        series.Points.Select(p => p.Document.Text.Substring(p.Quantity.Span.Start, p.Quantity.Span.Length)).ToArray();

    [Fact]
    public void ATollAndAFirstAidCapacityOfOneUnitAndPlaceAreTwoThings()
    {
        var series = Build(
            "Publié le 6 août 2020\n\nEmmanuel Macron a achevé son déplacement à Beyrouth, dévastée par les violentes explosions de mardi, qui ont fait au moins 137 morts et 5.000 blessés, selon un bilan encore provisoire.",
            "Publié le 7 août 2020\n\nÀ Beyrouth, les explosions ont fait 154 morts et 6.000 blessés selon un nouveau bilan. Un poste de secours mobile permet la prise en charge de 500 blessés.");
        var injured = Assert.Single(series, s => s.Unit == "injured");
        Assert.Equal(["5.000 blessés", "6.000 blessés"], Figures(injured));
        Assert.Equal("injured (toll) — Beyrouth", injured.Label);
        Assert.Equal(["au moins 137 morts", "154 morts"], Figures(Assert.Single(series, s => s.Unit == "deaths")));
        Assert.All(series, s => Assert.Empty(s.Disagreements));
    }

    [Fact]
    public void AgesAndDistancesFormNoSeries()
    {
        var series = Build(
            "\"Pour les Noirs, c'est à peu près comme nous\", juge Imran, 30 ans, qui vient d'y passer un an. \"Ils te donnent juste assez à manger\", intervient Naeem 35 ans.\n\n" +
            "La ville de Tarhouna est à 80 km au sud de la capitale Tripoli. Bani Walid est à 170 km au sud-est de Tripoli.");
        Assert.Empty(series);
    }

    [Fact]
    public void TwoTollsOfOneDayFromTwoSourcesThatAllowNoCommonValueDisagree()
    {
        var series = Build(
            "Publié le 21 mars 2011\n\nLe dirigeant du Conseil national de transition (CNT) a affirmé que les combats à Bani Walid avaient fait 150 à 200 morts.",
            "Publié le 21 mars 2011\n\nSelon des sources médicales, les combats à Bani Walid ont fait plus de 1 000 morts.",
            "Publié le 21 mars 2011\n\nLes combats à Bani Walid ont fait près de 180 morts, selon un hôpital de la ville.");
        var deaths = Assert.Single(series);
        Assert.Equal("deaths (toll) — Bani Walid", deaths.Label);
        // "150 à 200 morts" (150 to 200) and "près de 180 morts" meet; "plus de 1 000 morts" meets neither.
        string Pair((SeriesPoint A, SeriesPoint B) pair) => $"{pair.A.DocumentId} {pair.B.DocumentId}";
        Assert.Equal(["d1 d2", "d2 d3"], deaths.Disagreements.Select(Pair).Order(StringComparer.Ordinal).ToArray());
        var (a, b) = deaths.Disagreements.Single(p => Pair(p) == "d1 d2");
        Assert.Equal(["150 à 200 morts", "plus de 1 000 morts"], new[] { a, b }.Select(p => p.Document.Text.Substring(p.Quantity.Span.Start, p.Quantity.Span.Length)).ToArray());
    }

    [Fact]
    public void ASubscriptionPriceIsNoFigure()
    {
        var document = Samples.AnalyseText(
            "Les Vingt-Sept se sont accordés sur un budget de l'Union européenne de 1 074 milliards d'euros.\n\nAbonnez-vous : 1 € le premier mois, sans engagement");
        var figure = Assert.Single(document.Quantities);
        Assert.Equal(1_074_000_000_000, figure.Value);
    }

    private static IReadOnlyList<QuantitySeries> BuildOrangesum(params string[] ids)
    {
        var documents = Orangesum.Articles(ids);
        return SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
    }

    [Fact]
    public void AFigureAfterAWordOfChangeIsByHowMuchSomethingChangedNotALevel()
    {
        // Electricity tariffs that "vont bien augmenter de 1,54%" and dividends that "ont augmenté de 70%"
        // in France are two rises of two things, not one percentage of France.
        var documents = Orangesum.Articles("36614", "32940");
        // The title says it again, so each figure may be read twice: every reading is a change.
        string[] RolesOf(ExportedDocument article, string figure) =>
            article.Document.Quantities.Where(q => article.Document.TextOf(q.Span) == figure).Select(q => q.Role.ToString()).Distinct().ToArray();
        Assert.Equal(["Increment"], RolesOf(documents[0], "1,54%"));
        Assert.Equal(["Increment"], RolesOf(documents[1], "70%"));
        Assert.DoesNotContain(SeriesBuilder.Build(documents, EntityResolver.Resolve(documents)), s => s.Unit == "percent");
    }

    [Fact]
    public void APlaceNamedAfterAnotherFigureOfTheUnitIsThatFiguresPlace()
    {
        // "a réuni samedi plus de 100.000 personnes à travers la France, dont 8.000 à Paris": the bare
        // 8.000 counts people too, and Paris is where they were, not the 100.000, beside "10.000 personnes manifestaient samedi à Paris" two weeks later.
        var people = Assert.Single(BuildOrangesum("28355", "28078"), s => s.Label == "people — Paris");
        Assert.Equal(["8.000", "10.000 personnes"], Figures(people));
        // "250 personnes, dont 21 mineurs, ont été placées en garde à vue à Paris": the minors are a part
        // the article names, not a bare figure of people.
        var custody = Orangesum.Articles("25967")[0].Document;
        Assert.DoesNotContain(custody.Quantities, q => custody.TextOf(q.Span) == "21");
    }

    [Fact]
    public void ASharePercentageWithoutItsNounFormsNoSeries()
    {
        // "33 % des Français qui se disent satisfaits", "34%" of approval and "64%" of the discontented
        // are all said of Emmanuel Macron; without the noun of what they are a share, they are no series.
        Assert.DoesNotContain(BuildOrangesum("15780", "13171"), s => s.Unit == "percent");
    }
}
