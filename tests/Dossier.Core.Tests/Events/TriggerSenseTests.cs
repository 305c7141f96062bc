using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>A trigger word names its class only in that sense: a capture needs a place taken, an arrest is no decree,
/// a banned gathering and a hard-hit country are no happenings (sentences of orangesum-5k).</summary>
public class TriggerSenseTests
{
    /// <summary>The words and classes of the events of a one-sentence article.</summary>
    private static (string Word, string Class)[] Events(string published, string sentence)
    {
        var article = Samples.AnalyseText($"Publié le {published}\n{sentence}\n");
        return article.Events.SelectMany(e => e.Triggers.Select(t => (article.Text.Substring(t.Start, t.Length), e.Class))).ToArray();
    }

    [Fact]
    public void A_resumption_is_no_capture_and_the_taking_of_a_town_is_one()
    {
        // 1841 (4 June 2020), 6447 (8 June 2020), 6656 (5 June 2020).
        Assert.Equal([("annoncé", "statement")], Events("04/06/2020",
            "A la suite d'un mea culpa de la revue The Lancet, qui a publié une étude très critique sur l'hydroxychloroquine, l'Organisation mondiale de la Santé (OMS) avait ainsi annoncé mercredi la reprise des essais cliniques sur ce médicament."));
        Assert.Empty(Events("08/06/2020", "Cependant, l'objectif reste bien sûr de reprendre les cours normalement dans une semaine."));
        Assert.Equal([("prise de", "capture"), ("prise de", "capture")], Events("05/06/2020",
            "Depuis mercredi, le GNA a annoncé successivement la prise de l'aéroport international de Tripoli, hors service depuis 2014, le contrôle total des frontières administratives du Grand Tripoli, et la prise de Tarhouna."));
    }

    [Fact]
    public void A_prefect_s_decree_is_no_arrest_and_arresting_people_is_one()
    {
        // 3234 (7 May 2020); 9617 (23 May 2020).
        Assert.DoesNotContain(Events("07/05/2020",
            "Un second a été identifié à Bruz, près de Rennes, conduisant la préfecture à prendre un arrêté la classant \"zone de circulation active du virus\", avec des mesures immédiates \"applicables à la seule commune\"."),
            e => e.Class == "arrest");
        Assert.Equal([("arrêté", "arrest")], Events("23/05/2020",
            "La police essaye de lutter contre une vague de faux certificats vendus en ligne et a arrêté la semaine dernière sept personnes à Bali pour vente de faux documents."));
    }

    [Fact]
    public void A_banned_gathering_is_no_protest_and_a_held_one_is()
    {
        // 12922 (5 April 2020), 16869 (8 March 2020), 3479 (6 June 2020).
        Assert.Empty(Events("05/04/2020",
            "Les rassemblements de plus de deux personnes, à l'exception des familles, des lieux de travail et des funérailles sont interdits."));
        Assert.Equal([("annoncé", "statement")], Events("08/03/2020",
            "Dans un discours mettant l'accent sur une stratégie qui \"consiste à freiner\" la propagation du virus, le ministre de la Santé a également annoncé que, désormais, \"tous les rassemblements de plus de 1 000 personnes sont interdits\"."));
        Assert.Equal([("rassemblement", "protest"), ("réuni", "meeting")], Events("06/06/2020",
            "Un second rassemblement a réuni quelques centaines de personnes qui ont écouté les noms de victimes de violences policières."));
    }

    [Fact]
    public void A_country_hard_hit_by_the_epidemic_was_not_attacked()
    {
        // 33734 (10 August 2020).
        Assert.Empty(Events("10/08/2020",
            "A la deuxième place des pays les plus durement frappés, le Brésil compte officiellement plus de trois millions de personnes contaminées."));
    }
}
