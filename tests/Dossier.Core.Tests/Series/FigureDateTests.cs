using Dossier.Core.Series;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Series;

/// <summary>A figure is dated by the date expression of its sentence that it is given for, not by the day of
/// the article that reports it (orangesum articles).</summary>
public class FigureDateTests
{
    /// <summary>The date of the first figure written so in the articles, as a series point takes it.</summary>
    private static string? DateOf(string article, string figure)
    {
        var document = Orangesum.Articles(article)[0].Document;
        var quantity = document.Quantities.First(q => document.TextOf(q.Span) == figure);
        return FigureDate.Of(document, quantity, document.Metadata.Published!.Value[..10]);
    }

    [Fact]
    public void AFigureTakesTheDateItsSentenceGivesIt()
    {
        // 28078, of Sunday 9 December 2018: "la précédente mobilisation du 1er décembre au cours de laquelle 412
        // personnes avaient été interpellées. 10.000 personnes manifestaient samedi à Paris."
        Assert.Equal("2018-12-01", DateOf("28078", "412 personnes"));
        Assert.Equal("2018-12-08", DateOf("28078", "10.000 personnes"));
        // 21482, of October 2019: "Après une croissance de 1,7% enregistrée en 2018, l'OFCE tablait sur 1,5% pour 2019."
        Assert.Equal("2018", DateOf("21482", "1,7%"));
        Assert.Equal("2019", DateOf("21482", "1,5%"));
        // 32065, of Tuesday 15 September 2020: "dont plus de 4.430 morts et plus de 269.350 nouveaux cas sur la journée de lundi".
        Assert.Equal("2020-09-14", DateOf("32065", "plus de 4.430 morts"));
    }

    [Fact]
    public void ADateACountRunsSinceOrAnotherClausesDateIsNotTheFigures()
    {
        // 2915, of 20 June 2020: "La pandémie … a fait au moins 461.230 morts dans le monde depuis que la Chine a fait
        // officiellement état de l'apparition de la maladie fin décembre": a count up to the article's day.
        Assert.Equal("2020-06-20", DateOf("2915", "au moins 461.230 morts"));
        // 1829, of 25 June 2020: "autorisés à rouvrir le 4 juillet en Angleterre, sous réserve … de la maladie qui a
        // fait plus de 43.000 morts au Royaume-Uni": the reopening's date, not the toll's.
        Assert.Equal("2020-06-25", DateOf("1829", "plus de 43.000 morts"));
    }

    [Fact]
    public void PointsAreOrderedByTheFirstDayTheirDateMayMean()
    {
        string?[] dates = ["2018-12-01", null, "2018-W48", "2018", "2018-11-26"];
        Assert.Equal(["2018", "2018-11-26", "2018-W48", "2018-12-01", null],
            dates.OrderBy(FigureDate.OrderKey, StringComparer.Ordinal));
    }
}
