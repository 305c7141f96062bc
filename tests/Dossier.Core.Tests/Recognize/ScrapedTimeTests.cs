using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Time in scraped news: modality that puts a weekday in the future, fractions of units,
/// days that do not exist, and live blogs whose entries each anchor their own times.</summary>
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
    public void A_weekday_said_next_is_ahead()
    {
        // Thursday 24 October 2019.
        var found = Timexes("Les dirigeants européens se retrouveront mardi prochain à Bruxelles pour discuter du budget de l'Union, a annoncé jeudi la présidence finlandaise.", "2019-10-24");
        Assert.Equal([("mardi prochain", "DATE", "2019-10-29"), ("jeudi", "DATE", "2019-10-24")], found);
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

    [Fact]
    public void Figures_read_as_a_month_that_does_not_exist_do_not_stop_the_stage()
    {
        // A paragraph of a saved page of html-maintext-dev (wochenblatt.com), published 21 January 2022.
        var found = Timexes("Simon Marx, Vorsitzender des Jungen Bioland, unterstrich die hohe Notwendigkeit einer Existenzgründungsprämie. „Im Jahr 2020 war auf über 8000 Betrieben in NRW die Betriebsnachfolge nicht geklärt.“", "2022-01-21");
        Assert.Equal([("Jahr 2020", "DATE", "2020")], found);
    }

    /// <summary>A live blog as news sites write one (no live blog is among the saved pages of the
    /// data sets): day lines, then entries opening with their time, updated two days later.</summary>
    private const string LiveBlog = """
        Attentat de Nice : les dernières informations en direct
        Mis à jour le samedi 16 juillet 2016 à 10h02
        Jeudi 14 juillet 2016
        22h45 : Un camion a foncé sur la foule rassemblée sur la promenade des Anglais à Nice après le feu d'artifice.
        23h30 : François Hollande se rendra vendredi à Nice, annonce l'Élysée dans un communiqué publié dans la nuit.
        Vendredi 15 juillet 2016
        8h10 : Le gouvernement rappelle que l'état d'urgence avait été décrété après les attentats du 13 novembre 2015.
        12h11 : Le procureur de Paris indique que les victimes ont été tuées jeudi soir sur la promenade des Anglais.
        """;

    [Fact]
    public void Each_live_blog_entry_anchors_its_times_on_its_own_day()
    {
        var timexes = Timexes(LiveBlog, null);

        Assert.Contains(("22h45", "TIME", "2016-07-14T22:45"), timexes);
        Assert.Contains(("8h10", "TIME", "2016-07-15T08:10"), timexes);
        // Not 13 November 2015, the day the entry before went on to.
        Assert.Contains(("12h11", "TIME", "2016-07-15T12:11"), timexes);
    }

    [Fact]
    public void A_weekday_in_a_live_blog_entry_counts_from_the_entrys_day()
    {
        var timexes = Timexes(LiveBlog, null);

        // Written on Thursday the 14th: the next day, not the Friday after the update of Saturday the 16th.
        Assert.Contains(("vendredi", "DATE", "2016-07-15"), timexes);
        Assert.Contains(("jeudi soir", "TIME", "2016-07-14TEV"), timexes);
    }
}
