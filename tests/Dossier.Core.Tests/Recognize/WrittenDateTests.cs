using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Dates as Spanish and German articles write them ("21 de abril de 2022", "am 3. Mai"),
/// read from those languages' data files alone (date-links.txt, ordinals.txt, months and
/// weekdays), on sentences of saved pages of ../shared/data (html-maintext-dev, html-dev) with the
/// page's publication date.</summary>
public class WrittenDateTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    private static List<(string Text, string Value)> Dates(string text, string published)
    {
        var source = new SourceDocument("t.txt", "t.txt", "text", "0", text, "utf-8", new SourceHints(Published: published));
        var document = Pipeline.Run(source);
        return document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Value!)).ToList();
    }

    /// <summary>"text = value; text = value": every expression of the sentence, in order.</summary>
    private static List<(string Text, string Value)> Expected(string list) =>
        list.Split("; ").Select(pair => pair.Split(" = ")).Select(p => (p[0], p[1])).ToList();

    [Theory]
    // elcolumbiano.com-alcaldia, 5 May 2022
    [InlineData("Natalia Lopera, gerente de Cootraespeciales, confirmó por su parte la autenticidad del material y cotejó que el pasado 30 de abril los vehículos de su compañía estuvieron en el barrio La Floresta prestando servicio.",
        "2022-05-05", "pasado 30 de abril = 2022-04-30")]
    // laprensagrafica.com.fiscal, 22 April 2022
    [InlineData("Durante la más reciente sesión plenaria, este martes 19 de abril, el presidente de la Asamblea Legislativa, Ernesto Castro, coronó a gritos una semana en la que el bukelismo insultó y atacó a distintos periodistas.",
        "2022-04-22", "martes 19 de abril = 2022-04-19; una semana = P1W")]
    // laprensagrafica.com.fiscal, 22 April 2022
    [InlineData("La ofensiva tras la aprobación de las reformas la inició el mismo presidente Nayib Bukele, el 11 de abril, y esta fue secundada por funcionarios del Gobierno.",
        "2022-04-22", "11 de abril = 2022-04-11")]
    // ultimahora.com-apelacion, 5 May 2022
    [InlineData("Dos años más tarde, específicamente el 14 de febrero del presente año, se conoció la solicitud de extradición contra el expresidente.",
        "2022-05-05", "Dos años = P2Y; 14 de febrero = 2022-02-14")]
    public void SpanishDatesAreReadWithTheirLinkWords(string sentence, string published, string expected) =>
        Assert.Equal(Expected(expected), Dates(sentence, published));

    [Fact]
    public void ASpanishMonthOfAYearIsOneExpression() =>
        Assert.Equal([("marzo de 2021", "2021-03")],
            Dates("El Gobierno ya había presentado un borrador en marzo de 2021.", "2022-04-21"));

    [Theory]
    // de.cointelegraph.com-CME, 31 October 2023
    [InlineData("Das Open Interest der CME erreichte am 30. Oktober einen Wert von 3,58 Milliarden US-Dollar, womit die regulierte Derivatbörse im Vergleich zur Vorwoche zwei Positionen nach oben klettern konnte.",
        "2023-10-31", "30. Oktober = 2023-10-30")]
    // correctiv.org.zusage, 14 May 2019
    [InlineData("Als am 08. April 2017 die AfD ihren NRW-Wahlkampf in Reils Stimmbezirk Altenessen startet, ist Reil noch klar im Lager Petrys zu finden.",
        "2019-05-14", "08. April 2017 = 2017-04-08")]
    public void GermanDatesAreReadWithTheirOrdinalPeriod(string sentence, string published, string expected) =>
        Assert.Equal(Expected(expected), Dates(sentence, published));

    [Fact]
    public void TheGermanDayPeriodDoesNotEndTheSentence()
    {
        var source = new SourceDocument("t.txt", "t.txt", "text", "0",
            // correctiv.org.zusage, a caption
            "Björn Höcke auf einer Kundgebung in Erfurt am 1. Mai: der Politiker ist der Gewinner des AfD-Parteitags.", "utf-8", new SourceHints(Published: "2019-05-14"));
        var document = Pipeline.Run(source);
        Assert.Single(document.Sentences);
        Assert.Equal([("1. Mai", "2019-05-01")], document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Value!)));
    }
}
