using Dossier.Core.Export;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>A figure's source read from its sentence, and the disagreement of two sources that one
/// article reports side by side (orangesum articles).</summary>
public class FigureSourceTests
{
    private static IReadOnlyList<QuantitySeries> Build(List<ExportedDocument> documents) => SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));

    /// <summary>Each disagreement as "date: figure (source) doc:line | figure (source) doc:line".</summary>
    private static string[] Disagreements(IReadOnlyList<QuantitySeries> series) =>
        series.SelectMany(s => s.Disagreements).Select(d => $"{d.A.Date}: {Side(d.A)} | {Side(d.B)}").ToArray();

    private static string Side(SeriesPoint point)
    {
        var source = FigureSource.Of(point.Document, QuantityLexicon.For(point.Document.Language)!, point.Quantity);
        return $"{point.Document.TextOf(point.Quantity.Span)} ({source}) {point.DocumentId}:{point.Document.LineAt(point.Quantity.Span.Start).Number}";
    }

    [Fact]
    public void TheCountsOfAMarchByThePoliceAndByItsOrganisersDisagree()
    {
        // 23835 (27 September 2017): "une manifestation qui a réuni entre 30.000 personnes selon la
        // police et 150.000 personnes, selon la France Insoumise". The article puts its partisans "place
        // de la République à Paris"; France is named only inside "la France insoumise".
        var series = Build(Orangesum.Articles("23835"));
        var people = Assert.Single(series);
        Assert.Equal("people — Paris", people.Label);
        Assert.Equal(["2017-09-27: 30.000 personnes (la police) d1:1 | 150.000 personnes (la France Insoumise) d1:1"], Disagreements(series));
    }

    [Fact]
    public void FiguresOfOneArticleDisagreeOnlyWhenItGivesThemToTwoSources()
    {
        // Two Paris figures of one day that no qualifier reconciles, with a third article three days later
        // so that the series stands whatever its disagreements.
        string[] Found(string sentence)
        {
            var documents = new[] { "Publié le 27 septembre 2017\n\n" + sentence, "Publié le 30 septembre 2017\n\nLa manifestation à Paris avait réuni 30.000 personnes." }
                .Select((text, i) => new ExportedDocument($"d{i + 1}", Samples.AnalyseText(text, $"a{i + 1}.txt"))).ToList();
            var series = Build(documents);
            var people = Assert.Single(series);
            Assert.Equal("people — Paris", people.Label);
            Assert.Equal(3, people.Points.Count);
            return Disagreements(series);
        }
        Assert.Equal(["2017-09-27: 30.000 personnes (la police) d1:3 | 150.000 personnes (les organisateurs) d1:3"],
            Found("La manifestation à Paris a réuni 30.000 personnes selon la police et 150.000 personnes, selon les organisateurs."));
        Assert.Empty(Found("La manifestation à Paris a réuni 30.000 personnes selon la police et 150.000 personnes, selon la police."));
        Assert.Empty(Found("La manifestation à Paris a réuni 30.000 personnes. Le lendemain à Paris, 150.000 personnes sont venues."));
    }

    [Fact]
    public void TheSourceIsReadAfterTheFigureElseBeforeIt()
    {
        var document = Samples.AnalyseText("Publié le 27 septembre 2017\n\nSelon la préfecture, 2.000 personnes ont défilé à Rouen, 3.000 personnes d'après la CGT qui appelait à manifester.", "a1.txt");
        var lexicon = QuantityLexicon.For("fr")!;
        Assert.Equal(["la préfecture", "la CGT"], document.Quantities.Select(q => FigureSource.Of(document, lexicon, q) ?? "").ToArray());
    }
}
