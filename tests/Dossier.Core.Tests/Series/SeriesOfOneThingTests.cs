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

    /// <summary>The label of the thing the first figure written so in the articles measures, or null for none.</summary>
    private static string? LabelOf(List<ExportedDocument> documents, string figure)
    {
        var names = EntityResolver.Resolve(documents).SelectMany(e => e.Mentions.Select(m => (m.Mention.Span, m.Document, Entity: e)))
            .OrderBy(n => n.Span.Start).ToList();
        foreach (var document in documents.Select(d => d.Document))
        {
            var ownNames = names.Where(n => n.Document == document).Select(n => (n.Span, n.Entity)).ToList();
            foreach (var found in SeriesBuilder.Figures(document, ownNames))
                if (document.Text.Substring(found.Start, found.Length) == figure) return found.Label;
        }
        return null;
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

    [Fact]
    public void ABoundOfAGatheringIsNoCountOfPeople()
    {
        // 36491: "le port du masque sera également obligatoire lors de tout événement rassemblant plus de
        // 10 personnes": the bound of a class of events, no count of people of France, the article's place.
        Assert.Null(LabelOf(Orangesum.Articles("36491"), "plus de 10 personnes"));
    }

    [Fact]
    public void APartTakesNoPlaceFromTheWholeBeforeIt()
    {
        // 32765: "30.606 personnes sont décédées en France, soit quatre de plus en 24 heures, dont 20.099 au
        // sein des établissements hospitaliers"; 33091: "30.480 personnes sont décédées en France … dont
        // 19.969 au sein des établissements hospitaliers". The parts in hospitals are no deaths in France
        // beside the whole.
        var series = Assert.Single(Build(Orangesum.Articles("32765", "33091")));
        Assert.Equal("deaths (toll) — France", series.Label);
        Assert.Equal(["30.480 personnes", "30.606 personnes"], Figures(series));
    }

    [Fact]
    public void ACountJoinedByAndKeepsTheStateItsOwnWordsName()
    {
        // 1450: "… personnes sont mortes du Covid-19 dans les établissements sanitaires de Meurthe-et-Moselle
        // depuis début mars et 123 personnes y étaient encore hospitalisées lundi".
        Assert.Equal("hospitalisées hospitalis", NounOf(Orangesum.Articles("1450"), "123 personnes"));
    }

    [Fact]
    public void ArrestsAtTheClimateMarchAreNoArrestsAtAnActOfTheGiletsJaunes()
    {
        // 22026, "Marche pour le climat à Paris : …": "A 14 h 00, 123 personnes avaient été interpellées";
        // 28078 ("la mobilisation des "gilets jaunes" samedi 8 décembre à Paris"): "412 personnes avaient
        // été interpellées"; 28383 names no gathering ("À 16 heures, 18 personnes avaient été interpellées"
        // on the Champs-Élysées) and is taken to be of the one the other figures are of.
        var series = Build(Orangesum.Articles("28383", "28078", "22026"));
        var arrests = Assert.Single(series, s => s.Label == "people interpellées — Paris");
        Assert.Equal(["18 personnes", "412 personnes"], Figures(arrests));
    }

    [Fact]
    public void TheNousToutesMarchIsNoActOfTheGiletsJaunes()
    {
        // 20664, on "les marches contre les violences faites aux femmes": "dont 30 000 à Paris selon les
        // organisatrices"; 28078 and 17416 count the gilets jaunes in Paris, "10.000 personnes" each.
        var paris = Assert.Single(Build(Orangesum.Articles("20664", "28078", "17416")), s => s.Label == "people — Paris");
        Assert.Equal(["10.000 personnes", "10.000 personnes"], Figures(paris));
    }

    [Theory]
    [InlineData("Marche pour le climat à Paris : des tensions avec des black blocs", "climat")]
    [InlineData("les forces de l'ordre mobilisées lors des violences survenues lors de \"l'acte 3\" de la mobilisation des \"gilets jaunes\" le 1er décembre.", "gilets")]
    [InlineData("Ce bilan est en très nette hausse par rapport à la précédente mobilisation du 1er décembre au cours de laquelle 412 personnes avaient été interpellées.", null)]
    [InlineData("Même au coeur des fêtes de fin d'année, la mobilisation contre la réforme des retraites envisagée par le gouvernement Philippe perdure.", "réforme")]
    [InlineData("Les rassemblements et manifestations de plus de dix personnes qui ne garantiront pas le respect des mesures barrières seront par ailleurs interdits.", null)]
    // 22026's title, 19608, 28078, 19899, 36215.
    public void AGatheringIsTheMovementItIsFor(string text, string? gathering) =>
        Assert.Equal(gathering, Gathering.In("fr", text));
}
