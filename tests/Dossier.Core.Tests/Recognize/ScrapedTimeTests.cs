using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Time in scraped news: modality that puts a weekday in the future, fractions of units,
/// and days that do not exist.</summary>
public class ScrapedTimeTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    private static List<(string Text, string Type, string? Value)> Timexes(string text, string? published)
    {
        var document = Pipeline.Run(new SourceDocument("t.txt", "t.txt", "text", "0", text, "utf-8", new SourceHints(Published: published)));
        return document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Type, t.Value)).ToList();
    }

    [Fact]
    public void A_weekday_of_something_still_to_appear_is_ahead()
    {
        // Saturday 26 February 2011.
        Assert.Contains(("dimanche", "DATE", "2011-02-27"),
            Timexes("Dans un entretien à paraître dimanche dans le Journal du dimanche, le ministre évoque la Libye.", "2011-02-26"));
    }

    [Fact]
    public void A_deadline_weekday_is_ahead()
    {
        // Thursday 20 October 2016.
        Assert.Contains(("vendredi", "DATE", "2016-10-21"),
            Timexes("Les candidats doivent déposer leur dossier au plus tard vendredi auprès de la commission.", "2016-10-20"));
    }

    [Fact]
    public void An_hour_and_a_half_is_ninety_minutes()
    {
        Assert.Contains(("une heure et demie", "DURATION", "PT1H30M"),
            Timexes("La réunion a duré une heure et demie au ministère de la Défense.", "2016-04-19"));
    }

    [Fact]
    public void A_day_that_does_not_exist_does_not_stop_the_stage()
    {
        // A Recognizers-Text specification case: the 30th of February.
        var found = Timexes("C'est absurde comme de dire que nous devrions nous rencontrer le 30 février 2019 à 17h20 !", "2016-11-07");
        Assert.NotEmpty(found);
    }
}
