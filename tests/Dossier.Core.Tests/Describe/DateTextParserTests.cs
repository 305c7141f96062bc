using Dossier.Core.Describe;

namespace Dossier.Core.Tests.Describe;

/// <summary>Dates as news pages and wires write them in their date lines (lines of saved pages and
/// of TimeBank's wire headers).</summary>
public class DateTextParserTests
{
    [Theory]
    // Spanish: day, month and year joined by "de" (diaadia.com.pa, elfaro.net).
    [InlineData("Fama: Jueves 28 de Abril de 2022 5:03 PM", "2022-04-28T17:03")]
    [InlineData("Publicado el 21 de abril de 2022 a las 22:04h", "2022-04-21T22:04")]
    // Year first with slashes.
    [InlineData("Fama: 2022/04/28 05:03pm", "2022-04-28T17:03")]
    // Month first, read so because 20 cannot be a month (an AP wire header).
    [InlineData("APW19980820.1428  NEWS STORY  08/20/1998 22:52:00", "1998-08-20T22:52")]
    // Day first stays day first when both readings are possible.
    [InlineData("Dernière mise à jour à 09h10 le 11/04/2016", "2016-04-11T09:10")]
    // Two blocks glued by the page's markup: the year touches the next date.
    [InlineData("Jueves, 21 de Abril de 202221/04/2022", "2022-04-21")]
    // ... or the next block's first word (larepublica.pe).
    [InlineData("08 May 2022Actualizado el 08 de Mayo 2022 | 6:00 h", "2022-05-08")]
    // ... or the next date, its day followed by a period (a German blog's publication and update dates, lacrux.com).
    [InlineData("Posted on 25. Januar 202225. Januar 2022Author Redaktion", "2022-01-25")]
    [InlineData("6. November 20236. November 2023 Octavius Hallenstein", "2023-11-06")]
    // A day of two digits after the month's name (realsimple.com).
    [InlineData("Updated May 06, 2019", "2019-05-06")]
    // A numeric date glued to the author's name before it (omr.com) or to the byline after it (mixed.de).
    [InlineData("Tanja Karrasch3.11.2023", "2023-11-03")]
    [InlineData("2.03.2018von Dennis Ziesecke", "2018-03-02")]
    // Day, month's name and year set apart by slashes (fogsmagazin.com).
    [InlineData("29 / Dezember / 2022", "2022-12-29")]
    // A numeric day and month with the year after a comma (a comment's stamp, internet-law.de).
    [InlineData("Comment by Mirko Lange — 17.07, 2011 @ 13:04", "2011-07-17T13:04")]
    public void TheFirstDateOfADateLine(string line, string expected) =>
        Assert.Equal(expected, DateTextParser.Default.FindFirst(line)!.ToTimex());

    [Theory]
    // The period after a month written in full ends the sentence; after an abbreviation it is the date's.
    [InlineData("El Congreso votará el próximo miércoles 18 de mayo.", "18 de mayo")]
    [InlineData("Le texte sera examiné le 11 juil. 2016", "11 juil. 2016")]
    public void TheDatesText(string line, string expected)
    {
        var date = DateTextParser.Default.FindFirst(line)!;
        Assert.Equal(expected, line.Substring(date.Start, date.Length));
    }

    [Fact]
    public void GluedBlocksGiveBothTheirDates() =>
        Assert.Equal(["2022-04-21", "2022-04-21"], DateTextParser.Default.FindAll("Jueves, 21 de Abril de 202221/04/2022").Select(d => d.ToTimex()));

    [Theory]
    // Neither number can be a month; a figure with a dot is no date without its year.
    [InlineData("Score final : 21/14 après prolongation")]
    [InlineData("3.900 soldats")]
    // Letters glued to a number make no date without a full year ("COVID19", a version "v2.3.1").
    [InlineData("Version v2.3.1 von COVID19")]
    public void NotADate(string line) => Assert.Null(DateTextParser.Default.FindFirst(line));
}
