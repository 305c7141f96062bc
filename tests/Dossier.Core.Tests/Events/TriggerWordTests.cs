using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>Trigger words written as a stem ("voté*") read the forms of the happening's verb and
/// noun, not the other words that start the same way.</summary>
public class TriggerWordTests
{
    private static string[] Triggers(string id)
    {
        var article = Assert.Single(Orangesum.Articles(id)).Document;
        return article.Events.Select(e => article.Text.Substring(e.Triggers[0].Start, e.Triggers[0].Length).ToLowerInvariant()).ToArray();
    }

    [Fact]
    public void A_possessive_is_no_vote_and_a_book_is_no_delivery()
    {
        // 19262: "Votre message …", "laissez-moi votre adresse e-mail ici"; 23303: "racontent leur
        // expérience au Château dans un livre".
        Assert.DoesNotContain("votre", Triggers("19262"));
        Assert.DoesNotContain("livre", Triggers("23303"));
        Assert.DoesNotContain("livres", Triggers("23303"));
    }

    [Fact]
    public void The_forms_of_a_vote_and_of_a_protest_are_still_triggers()
    {
        // 36935: "Les députés ont voté ce mercredi en faveur d'une réduction …".
        Assert.Contains("voté", Triggers("36935"));
        // 27327 (a lawyer held after a rally in Nancy): "manifestants" four times.
        Assert.Contains("manifestants", Triggers("27327"));
    }
}
