using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>The figures of an epidemic, on the daily French Covid-19 reports of orangesum: counts of
/// people in a state (dead, in hospital, in intensive care) whatever noun counts them, and what was
/// added over a day apart from the total.</summary>
public class EpidemicFiguresTests
{
    private static IReadOnlyList<QuantitySeries> BuildOrangesum(params string[] ids)
    {
        var documents = Orangesum.Articles(ids);
        return SeriesBuilder.Build(documents, EntityResolver.Resolve(documents));
    }

    private static string[] Figures(QuantitySeries series) =>
        series.Points.Select(p => p.Document.Text.Substring(p.Quantity.Span.Start, p.Quantity.Span.Length)).ToArray();

    [Fact]
    public void PeopleInAStateAreCountedAsThatStateAndWhatIsNewApartFromTheTotal()
    {
        // 36015 (18 August 2020): "Les hôpitaux français ont admis 185 nouveaux patients atteints de Covid-19 au
        // cours des dernières 24 heures contre 234 lundi. Au total, 4.823 personnes sont hospitalisées pour une
        // infection au Covid-19." … "30.451 personnes sont décédées en France depuis le début de l'épidémie
        // (soit 22 décès depuis lundi)"; 35966 (20 August) gives 149, 4.748, 30.480 and "12 décès depuis
        // mercredi"; 34000 (13 September): "6 personnes sont décédées à l'hôpital en 24 heures" and "Depuis le
        // début de l'épidémie en France il y a six mois, 30.916 personnes sont mortes du Covid-19."
        var series = BuildOrangesum("36015", "35966", "34000");
        Assert.Equal(["30.451 personnes", "30.480 personnes", "30.916 personnes"], Figures(Assert.Single(series, s => s.Label == "deaths (toll) — France")));
        Assert.Equal(["22 décès", "12 décès", "6 personnes"], Figures(Assert.Single(series, s => s.Label == "deaths (new) — France")));
        Assert.Equal(["4.823 personnes", "4.748 personnes"], Figures(Assert.Single(series, s => s.Label == "hospitalised — France")));
        Assert.Equal(["185 nouveaux patients", "149 nouveaux patients"], Figures(Assert.Single(series, s => s.Label == "patients (new) — France")));
    }

    [Fact]
    public void PatientsInIntensiveCareAreOneCount()
    {
        // 12069 (13 May 2020): "La pression sur les services d'urgence continue cependant de s'alléger
        // régulièrement avec 2.543 patients en réanimation, soit 170 de moins que la veille"; 10199 (23 May):
        // "Samedi, 1.665 patients étaient en réanimation, soit 36 de moins en 24 heures."
        var series = BuildOrangesum("12069", "10199");
        Assert.Equal(["2.543 patients", "1.665 patients"], Figures(Assert.Single(series, s => s.Unit == "intensive-care")));
        Assert.Equal("intensive-care — France", Assert.Single(series, s => s.Unit == "intensive-care").Label);
    }

    [Fact]
    public void AFigureSaidReportedCountsWhatItCounts()
    {
        // 36738 (23 July 2020): "Ce même jour, \"plus de 1.000 nouveaux cas\" ont été confirmés. 3.589 nouveaux cas
        // ont été détectés la semaine …"; 34000 (13 September): "La France a enregistré 7.183 nouveaux cas de
        // Covid-19 détectés en 24 heures".
        var series = BuildOrangesum("36738", "34000");
        Assert.Equal(["3.589 nouveaux cas", "plus de 1.000 nouveaux cas", "7.183 nouveaux cas"],
            Figures(Assert.Single(series, s => s.Label == "cases (new) — France")));
    }
}
