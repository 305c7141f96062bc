using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;
using Dossier.Languages;

namespace Dossier.Core.Tests.Stories;

/// <summary>Stories by what articles are about: key terms weighed against the French background, beside entities.</summary>
public class KeyTermStoryTests
{
    [Fact]
    public void An_article_on_the_gilets_jaunes_in_Paris_has_its_subject_among_its_key_terms_and_no_word_of_a_name()
    {
        var article = Orangesum.Articles("28383")[0].Document;

        var terms = KeyTerms.For("fr").Of(article);

        Assert.Equal(["gilets jaunes", "gilets", "jaunes", "forces", "ordre"], terms);
        // "Champs-Élysées" is an entity mention: the entity stands for it, and its words are no terms.
        Assert.Contains(article.Entities, m => article.TextOf(m.Span) == "Champs-Élysées");
        Assert.DoesNotContain(KeyTerms.Candidates(article, LanguageProfile.Get("fr")).Keys, t => t.Contains("champs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_day_the_article_names_says_when_and_is_no_key_term()
    {
        // The damage in Paris after "l'acte 4" of the gilets jaunes, "samedi 8 décembre", compared with "la semaine
        // précédente": "hier" and "semaine" were among its key terms, words of its dates that tell when, not what.
        var article = Orangesum.Articles("28078")[0].Document;

        var terms = KeyTerms.For("fr").Of(article);

        Assert.Equal(["dégâts", "beaucoup", "tenable", "importants", "réjouir", "spectaculaires", "évité", "dommages", "spectacle", "pire"], terms);
        Assert.DoesNotContain(KeyTerms.Candidates(article, LanguageProfile.Get("fr")).Keys, t => t.Contains("samedi", StringComparison.Ordinal));
    }

    [Fact]
    public void Five_articles_on_the_gilets_jaunes_that_name_different_people_are_one_story_labelled_by_their_subject()
    {
        // January 2019: Éric Drouet arrested, a poll, a lawyer held, the great debate in Besançon, a rumour in Rennes.
        var documents = Orangesum.Articles("27558", "27391", "27327", "27240", "27198");

        var stories = StoryBuilder.Build(documents, EntityResolver.Resolve(documents));

        var topic = Assert.Single(stories);
        Assert.Equal(["d1", "d2", "d3", "d4", "d5"], topic.DocumentIds);
        // The radio is cited in two of them, as "Franceinfo" (27558) and "France Info" (27391): one entity.
        Assert.Equal("\"gilets jaunes\" · La République en Marche · France Info", topic.Label);
    }

    [Fact]
    public void An_article_that_shares_nothing_with_the_others_is_a_story_of_its_own_named_by_its_own_entities_and_terms()
    {
        // Two articles on the "gilets jaunes", and one on the cigarettes a traveller may bring back from abroad.
        var documents = Orangesum.Articles("27558", "27391", "36935");

        var stories = StoryBuilder.Build(documents, EntityResolver.Resolve(documents));

        var alone = Assert.Single(stories, s => s.DocumentIds.SequenceEqual(["d3"]));
        Assert.Equal("\"contrebande\" · \"buralistes\" · \"pays voisins\"", alone.Label);
    }
}
