using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Describe;

/// <summary>Publication dates of scraped text: the date shown with the headline, a year-less date
/// completed from the weekday it names, the input's path as the last resort.</summary>
public class ScrapedDateTests
{
    [Fact]
    public void TheDateUnderTheHeadlineNotTheFootersDate()
    {
        var path = InputFiles.Fixture(Path.Combine("scraped", "aclu.org-grades.txt"));
        var document = Samples.AnalyseText(File.ReadAllText(path), "aclu.org-grades.txt");

        Assert.Equal("This County Criminalized Students for Bad Grades – Until Now", document.Metadata.Title!.Value);
        var published = document.Metadata.Published!;
        Assert.Equal("2019-07-25T23:15", published.Value); // "July 25, 2019 | 11:15 PM"
        Assert.Equal(6, published.Line);
        Assert.False(published.Inferred);
    }

    /// <summary>Date lines as scraped French news pages write them (quoted from pages of one crisis
    /// where they were first read as article text), whatever the line classifier made of the rest.</summary>
    [Theory]
    [InlineData("Publié le 21 février 2011 à 16h56", "2011-02-21T16:56")]
    [InlineData(", publié le samedi 04 novembre 2017 à 10:15", "2017-11-04T10:15")]
    public void APublicationLineIsMetadataAndGivesTheDate(string dateLine, string published)
    {
        var document = Samples.AnalyseText(string.Join('\n',
            "Libye : Kadhafi s'accroche au pouvoir, les insurgés contrôlent l'est du pays",
            dateLine,
            "Les manifestants ont pris le contrôle de Benghazi, deuxième ville du pays, après plusieurs jours de heurts avec les forces de sécurité, selon des témoins joints par téléphone."));

        Assert.Equal(Dossier.Core.Model.LineKind.Metadata, document.KindOf(2));
        var date = document.Metadata.Published!;
        Assert.Equal((published, 2, false, "date in a metadata line"), (date.Value, date.Line, date.Inferred, date.Origin));
    }

    [Fact]
    public void APrintDateWithoutYearTakesTheYearInWhichItsWeekdayFalls()
    {
        // 12 November is a Thursday in 2015 and 2009; the article's latest year is 2014.
        var document = Samples.AnalyseText(string.Join('\n',
            "Les attentats de Paris vus de Bagdad",
            "Daté du jeudi 12 novembre",
            "Depuis juin 2014, l'organisation État islamique contrôle Mossoul, la deuxième ville d'Irak, et les forces irakiennes préparent sa reconquête avec la coalition."));

        var published = document.Metadata.Published!;
        Assert.Equal("2015-11-12", published.Value);
        Assert.True(published.Inferred);
        Assert.Equal(2, published.Line);
    }

    [Fact]
    public void AFullDateInThePathIsTheLastResortAndSaysSo()
    {
        var document = Samples.AnalyseText(
            "Le Pentagone a annoncé l'envoi de 560 soldats supplémentaires en Irak pour préparer la reconquête de Mossoul.",
            "lemonde/2016/07/11/irak-renforts.txt");

        var published = document.Metadata.Published!;
        Assert.Equal("2016-07-11", published.Value);
        Assert.Equal("date in the file's path", published.Origin);
        Assert.True(published.Inferred);
    }

    [Fact]
    public void ADateInASentenceUnderTheHeadlineIsWhatTheArticleReportsNotItsDate()
    {
        // Line 12: "… no-one could predict what might happen at the Oscars on Feb. 9"; the page shows no date of its own.
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "reuters.com.parasite.txt"))), "reuters.com.parasite.txt");

        Assert.Equal("'Parasite' scores historic upset at SAG awards, boosting Oscar chances", document.Metadata.Title!.Value);
        Assert.Null(document.Metadata.Published);
    }

    [Fact]
    public void ADateGluedToTheNextBlockByThePagesMarkupIsRead()
    {
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "soundofscience.fr.1927.txt"))), "soundofscience.fr.1927.txt");

        Assert.Equal("Une candidature collective à la présidence du HCERES", document.Metadata.Title!.Value);
        var published = document.Metadata.Published!;
        Assert.Equal(("2020-01-20", 6, false), (published.Value, published.Line, published.Inferred));
    }
    private static Dossier.Core.Model.AnalysedDocument Scraped(string name) =>
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", name))), name);

    [Fact]
    public void AGermanBylineOfTwoAuthorsAndAnUpdateLineAfterADashMarkTheHeadlineAndGiveTheDate()
    {
        // The caption under them ends in its credit, "Bild: dpa".
        var document = Scraped("faz.net.streaming.txt");

        Assert.Equal("Nutzerbasierte Abrechnung : Musik-Stars fordern neues Streaming-Modell", document.Metadata.Title!.Value);
        Assert.Equal(Dossier.Core.Model.LineKind.Metadata, document.KindOf(12)); // "Von Benjamin Fischer und Marcus Theurer"
        Assert.Equal("Benjamin Fischer", document.Metadata.Author!.Value);
        var date = document.Metadata.Published!;
        Assert.Equal(("2020-01-28T15:49", 13), (date.Value, date.Line)); // "-Aktualisiert am 28.01.2020-15:49"
        Assert.Equal(Dossier.Core.Model.LineKind.Boilerplate, document.KindOf(15));
    }

    [Fact]
    public void APublicationLineWithAWordBeforeItsLabelIsMetadata()
    {
        var document = Scraped("de.globalvoices.org.nicaragua.txt");

        Assert.Equal(Dossier.Core.Model.LineKind.Metadata, document.KindOf(12)); // "Übersetzung veröffentlicht am 30 April 2019 13:10 GMT"
        Assert.Equal("Ein Jahr voller Proteste: Nicaraguaner wollen nicht mehr nur den Rücktritt Ortegas, sondern einen Neuanfang", document.Metadata.Title!.Value);
        Assert.Equal(("2019-04-30T13:10", 12), (document.Metadata.Published!.Value, document.Metadata.Published.Line));
    }

    [Fact]
    public void APortugueseDateGivesThePublicationDay()
    {
        var document = Scraped("brasil247.com-militares.txt");

        Assert.Equal("4 de maio de 2022, 05:34 h Atualizado em 4 de maio de 2022, 05:35", document.LineText(12));
        Assert.Equal(("2022-05-04T05:34", 12), (document.Metadata.Published!.Value, document.Metadata.Published.Line));
    }

    /// <summary>A date line that closes with the count of the article's comments is a date line:
    /// the count is no sentence around the date.</summary>
    [Theory]
    [InlineData("zeit.de.zugverkehr.txt", 13, "2020-01-14T09:21")] // "14. Januar 2020, 9:21 Uhr 571 Kommentare"
    [InlineData("agrarheute.com.abfallholz.txt", 25, "2022-12-11T05:00")] // "am Sonntag, 11.12.2022 - 05:00 (1 Kommentar)"
    public void ADateLineWithTheCountOfItsCommentsGivesTheDate(string name, int line, string published)
    {
        var document = Scraped(name);

        Assert.Equal(Dossier.Core.Model.LineKind.Metadata, document.KindOf(line));
        Assert.Equal((published, line), (document.Metadata.Published!.Value, document.Metadata.Published.Line));
    }

    /// <summary>No date line by the headline nor in a metadata line: the post's stamp, a line the
    /// classifier took for article text ("Malte Welding | 29.07.2006 um 14:26", under the post and
    /// over its comments), gives it.</summary>
    [Fact]
    public void TheFirstStampOfAPostGivesItsDateWhenNoDateLineDoes()
    {
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "spreeblick.com.habeck.txt"))), "spreeblick.com.habeck.txt");

        Assert.Equal(("2006-07-29T14:26", 28), (document.Metadata.Published!.Value, document.Metadata.Published.Line));
        Assert.Equal("first dated stamp of the text", document.Metadata.Published.Origin);
    }

    /// <summary>The post's date glued by the markup to its author, categories and tags, a line too
    /// long for a date line: the date heads it. Under it are readers' comments with their dates
    /// ("2. April 2014 um 8:29 Uhr"), over the page the site's today ("Freitag, November 22, 2019").</summary>
    [Theory]
    [InlineData("de.creativecommons.org.endlich.txt", "2014-03-20", 9)]
    [InlineData("erp-news.info.interview.txt", "2017-04-20", 53)]
    public void ADateHeadingALongLineUnderTheHeadlineIsThePosts(string name, string published, int line)
    {
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", name))), name);

        Assert.Equal((published, line), (document.Metadata.Published!.Value[..10], document.Metadata.Published.Line));
    }

    [Theory]
    [InlineData("Malte Welding | 29.07.2006 um 14:26", "2006-07-29")]
    [InlineData("2.03.2018von Dennis Ziesecke", "2018-03-02")]
    [InlineData("An earthquake struck Aceh in Indonesia on 7 December 2016.", null)]
    [InlineData("An earthquake struck Aceh in Indonesia on 7 December 2016", null)]
    [InlineData("Archiv März 2017", null)]
    public void AStampIsAShortLineWithAFullDateAndNoSentence(string line, string? day)
    {
        Assert.Equal(day, Dossier.Core.Describe.DateTextParser.Default.StampIn(line)?.ToTimex()[..10]);
    }
}
