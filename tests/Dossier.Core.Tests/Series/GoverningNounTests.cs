using Dossier.Core.Export;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>What a figure measures beyond its unit, on orangesum articles: the noun a sum of money is
/// the measure of, the participle that tells counted people apart, and series that keep them apart.</summary>
public class GoverningNounTests
{
    /// <summary>Each figure of the articles as written, with the governing noun found for it ("" for none).</summary>
    private static Dictionary<string, string> NounsOf(List<ExportedDocument> documents) =>
        documents.SelectMany(d => d.Document.Quantities.Select(q => (d.Document, Quantity: q)))
            .GroupBy(x => x.Document.TextOf(x.Quantity.Span), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var (document, quantity) = g.First();
                var noun = GoverningNoun.Of(document, QuantityLexicon.For(document.Language)!, quantity);
                return noun is { } found ? document.TextOf(found.Span) + " " + found.Lemma : "";
            }, StringComparer.Ordinal);

    private static string[] Figures(QuantitySeries series) => series.Points.Select(p => p.Document.TextOf(p.Quantity.Span)).ToArray();

    [Fact]
    public void ASumOfMoneyIsMeasuredByTheNounItQuantifies()
    {
        // Éric Woerth's bonuses (21634), an Essilor bonus for low wages (27766), two fines (23141, 6299).
        var nouns = NounsOf(Orangesum.Articles("21634", "27766", "23141", "6299"));
        Assert.Equal("versement vers", nouns["environ 11.000 euros"]);
        Assert.Equal("enveloppes envelop", nouns["200 à 2.000 euros"]);
        Assert.Equal("prime prim", nouns["800 euros"]);
        Assert.Equal("salaire salair", nouns["moins de 2.000 euros"]);
        Assert.Equal("amende amend", nouns["135 euros"]);
        // Ziad Takieddine's "5 millions d'euros en provenance du régime": no noun, the unit alone.
        Assert.Equal("", nouns["5 millions d'euros"]);
    }

    [Fact]
    public void PeopleOnBoardAndPeopleInterceptedAreTwoThings()
    {
        // "avec 53 personnes à bord" and "2.226 personnes ont été interceptés", both in Tunisia (5181).
        var documents = Orangesum.Articles("5181");
        var nouns = NounsOf(documents);
        Assert.Equal("", nouns["53 personnes"]);
        Assert.Equal("interceptés intercept", nouns["2.226 personnes"]);
        var series = SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
        Assert.DoesNotContain(series, s => Figures(s).Contains("53 personnes") && Figures(s).Contains("2.226 personnes"));
    }

    [Fact]
    public void OneArticlesListOfBonusesIsNoSeriesAndPercentagesOfNothingNamedFormNone()
    {
        // Bonuses by company (27766: "une prime de 800 euros", "2.000 euros de salaire"); a poll of
        // drivers (23141: "37%", "69%"…) and one of schools (6299: "Près de 86%").
        var documents = Orangesum.Articles("27766", "23141", "6299");
        Assert.Empty(SeriesBuilder.Build(documents, EntityResolver.Resolve(documents)));
    }

    [Fact]
    public void InjuredCountsOfOneDayThatTheirQualifiersReconcileDoNotDisagree()
    {
        // The Beirut explosions, 6 August 2020: "qui ont fait plus d'une centaine de morts et au moins
        // 4.000 blessés" (36468) and "qui ont fait au moins 137 morts et 5.000 blessés" (36470) meet;
        // the first-aid post's "500 blessés" there is a capacity, not the toll.
        var documents = Orangesum.Articles("36468", "36470");
        var series = SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
        var injured = Assert.Single(series, s => s.Unit == "injured");
        Assert.Equal("injured (toll) — Beyrouth", injured.Label);
        Assert.Equal(["au moins 4.000 blessés", "5.000 blessés"], Figures(injured));
        Assert.Empty(injured.Disagreements);
    }

    [Fact]
    public void CountedPeopleAreToldApartByWhatHappenedToThem()
    {
        // Covid-19 in France: 10658 (20 May 2020) and 16388 (17 March 2020); Beirut: 36236.
        var nouns = NounsOf(Orangesum.Articles("10658", "16388", "36236"));
        string Word(string figure) => nouns[figure].Split(' ')[0];
        Assert.Equal("hospitalisées", Word("17.941 personnes"));
        Assert.Equal("hospitalisées", Word("21.071 personnes"));
        Assert.Equal(nouns["17.941 personnes"], nouns["21.071 personnes"]);
        Assert.Equal("mortes", Word("110 personnes"));
        Assert.Equal("touché", Word("7 730 personnes"));
        // "699 personnes sont en réanimation": people in intensive care.
        Assert.Equal("réanimation", Word("699 personnes"));
        Assert.Equal("nationalité", Word("93 blessés"));
    }

    [Fact]
    public void ACountrysTollIsTheTollOfTheCountryItsClauseIsAbout()
    {
        // 1841 and 6958 (4 June 2020): "le Brésil … derrière les Etats-Unis - qui restent de loin le pays
        // le plus durement frappé avec 107.000 morts".
        var documents = Orangesum.Articles("1841", "6958");
        var series = SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
        var american = Assert.Single(series, s => s.Label == "deaths (toll) — Etats-Unis");
        Assert.Equal(["107.000 morts", "107.000 morts"], Figures(american));
        Assert.DoesNotContain(series, s => Figures(s).Contains("107.000 morts") && Figures(s).Contains("32.548 morts"));
    }
}
