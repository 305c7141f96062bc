using Dossier.Core.Export;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>A series follows one measured thing, not a unit and a place: what a figure's own phrase
/// says it counts, figures that measure no thing, and the place an article is about (orangesum articles).</summary>
public class SeriesOfOneThingTests
{
    private static IReadOnlyList<QuantitySeries> Build(List<ExportedDocument> documents) => SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));

    private static string[] Figures(QuantitySeries series) => series.Points.Select(p => p.Document.TextOf(p.Quantity.Span)).ToArray();

    /// <summary>The governing noun of the first figure written so in the articles, as "text lemma" ("" for none).</summary>
    private static string NounOf(List<ExportedDocument> documents, string figure)
    {
        var (document, quantity) = documents.SelectMany(d => d.Document.Quantities.Select(q => (d.Document, Quantity: q)))
            .First(x => x.Document.TextOf(x.Quantity.Span) == figure);
        return GoverningNoun.Of(document, QuantityLexicon.For(document.Language)!, quantity) is { } noun
            ? document.TextOf(noun.Span) + " " + noun.Lemma : "";
    }

    [Fact]
    public void RoadDeathsAndCovidDeathsOfOneCountryAreTwoThings()
    {
        // 15844: "l'année 2018 s'était achevée sur un plus-bas historique, avec 3.259 morts sur les routes";
        // 10498: "le bilan de l'épidémie de coronavirus s'établit jeudi à au moins 28.215 morts".
        var documents = Orangesum.Articles("15844", "10498");
        Assert.Equal("routes rout", NounOf(documents, "3.259 morts"));
        Assert.Equal("", NounOf(documents, "au moins 28.215 morts"));
        Assert.DoesNotContain(Build(documents), s => Figures(s).Contains("3.259 morts") && Figures(s).Contains("au moins 28.215 morts"));
    }

    [Fact]
    public void InjuredPoliceAreAPartOfTheInjuredNamedByTheirComplement()
    {
        // 28174: "23 blessés parmi les forces de l'ordre", beside the "133 blessés" of the day.
        var documents = Orangesum.Articles("28174");
        Assert.Equal("forces forc", NounOf(documents, "23 blessés"));
    }

    [Fact]
    public void AnAsideOnAPartOfTheCountedDoesNotHideWhatHappenedToThem()
    {
        // 25967: "250 personnes, dont 21 mineurs, ont été placées en garde à vue à Paris".
        Assert.Equal("placées plac", NounOf(Orangesum.Articles("25967"), "250 personnes"));
    }

    [Fact]
    public void PollSamplesAndTownSizeClassesAreNoMeasures()
    {
        // 15569: "Échantillon de 1.294 personnes inscrites sur les listes électorales"; 14074: "un
        // échantillon représentatif … de 1.102 personnes de 18 ans et plus (968 personnes inscrites …)".
        Assert.Empty(Build(Orangesum.Articles("15569", "14074")));
        // 790: "dans une ville de plus de 100.000 habitants"; 1720: "dans les villes de plus de 10.000 habitants".
        Assert.Empty(Build(Orangesum.Articles("790", "1720")));
    }

    [Fact]
    public void AShareOfPeopleIsAShareOfWhatItsQualifierSays()
    {
        // 8940: "56% des personnes interrogées considèrent …"; 16548: "98% des personnes guérissent"
        // (no qualifier), "plus de 50% des personnes en réanimation"; 32123: "Quelque 77% des personnes non équipées".
        var documents = Orangesum.Articles("8940", "16548", "32123");
        Assert.Equal("personnes interrogées person interog", NounOf(documents, "56%"));
        Assert.Equal("", NounOf(documents, "98%"));
        // A share of the people in intensive care.
        Assert.Equal("personnes en réanimation person reanim", NounOf(documents, "plus de 50%"));
        Assert.DoesNotContain(Build(documents), s => s.Unit == "percent");
    }

    [Fact]
    public void PeopleSaidNeitherWhoNorWhereAreNoCountOfTheArticlesPlace()
    {
        // 26639: "Près de 5.000 personnes se déclaraient intéressées" by an event online; 694: "Près de
        // Rouen, 80 personnes se sont rassemblées pour la défense de la forêt du Rouvray".
        var documents = Orangesum.Articles("26639", "694");
        Assert.Equal("rassemblées rasembl", NounOf(documents, "80 personnes"));
        Assert.DoesNotContain(Build(documents), s => s.Unit == "people");
    }

    [Fact]
    public void AClassBoundIsNoMeasureOfWhatTheSentenceIsAbout()
    {
        // 19479: "les retraités touchant une retraite inférieure à 2.000 euros par mois ne subiraient plus la hausse
        // de la CSG"; 26842: "Le total des annonces faites par le chef de l'État coûteront 11 milliards d'euros".
        // Both were "EUR — Emmanuel Macron", a pension threshold beside the measures' cost.
        // Without the threshold, the cost is a figure of one article: no series.
        Assert.Empty(Build(Orangesum.Articles("19479", "26842")));
    }
}
