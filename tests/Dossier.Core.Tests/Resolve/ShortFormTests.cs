using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Short forms of a longer name and names inside longer names, on orangesum articles of the
/// "gilets jaunes" coverage (2018–2020), where a reader met them as entities of their own.</summary>
public class ShortFormTests
{
    [Fact]
    public void AKnownNameEndingWithANumberIsThatNameNotThePlaceItStartsWith()
    {
        // 27115: "explique Europe 1", "au micro d'Europe 1", "note Europe 1", "rapporte Europe 1".
        var entities = EntityResolver.Resolve(Orangesum.Articles("27115"));
        var radio = Assert.Single(entities, e => e.Aliases.Contains("Europe 1"));
        Assert.Equal(("ORG", 5), (radio.Type, radio.Mentions.Count));
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("Europe"));
    }

    [Fact]
    public void ASurnameAloneJoinsTheFullNameWhoseShorterSpellingsAreJoinedFirst()
    {
        // 26038: "Mélenchon, c'est un tribun" names no one in full; 15780 names "Jean-Luc Mélenchon",
        // which the tagger also reads as "Luc Mélenchon": two names of one person, not two bearers.
        var entities = EntityResolver.Resolve(Orangesum.Articles("26038", "15780"));
        var melenchon = Assert.Single(entities, e => e.Aliases.Contains("Mélenchon"));
        Assert.Equal("Jean-Luc Mélenchon", melenchon.Name);
        Assert.Equal(["d1", "d2"], melenchon.Mentions.Select(m => m.DocumentId).Distinct().Order());
    }

    [Fact]
    public void ASurnameAloneIsThePersonNamedInFullInFarTheMostArticles()
    {
        // 36664: "remis mardi à Emmanuel Macron", "Le président Macron s'est moins rendu à l'étranger",
        // "Brigitte Macron"; the five other articles name Emmanuel Macron in full.
        var entities = EntityResolver.Resolve(Orangesum.Articles("36664", "3565", "35293", "16858", "19703", "18414"));
        Assert.Equal("Emmanuel Macron", Assert.Single(entities, e => e.Aliases.Contains("Macron")).Name);
        Assert.Equal(["Brigitte Macron"], Assert.Single(entities, e => e.Name == "Brigitte Macron").Aliases);
    }

    [Fact]
    public void APlaceInATownIsNamedWithItsHeadAndItsNameAloneIsThatPlace()
    {
        // 28420: "un rassemblement place de la Concorde", "du Champ-de-Mars, de la Concorde et des
        // abords de l'Élysée", "Concorde comprise", "et de la porte Maillot".
        var entities = EntityResolver.Resolve(Orangesum.Articles("28420"));
        var concorde = Assert.Single(entities, e => e.Aliases.Contains("Concorde"));
        Assert.Equal(("place de la Concorde", "LOC"), (concorde.Name, concorde.Type));
        Assert.Equal(["place de la Concorde", "Concorde"], concorde.Aliases);
        Assert.Equal("LOC", Assert.Single(entities, e => e.Name == "porte Maillot").Type);
    }

    [Fact]
    public void AnOrganisationsHeadAloneIsTheOrganisationItHeadsInItsArticle()
    {
        // 26842: "la Cour des comptes", then "la Cour" twice.
        var entities = EntityResolver.Resolve(Orangesum.Articles("26842"));
        Assert.Equal(["Cour des comptes", "Cour"], Assert.Single(entities, e => e.Aliases.Contains("Cour")).Aliases);
    }

    [Fact]
    public void TheAssemblyAloneIsTheNationalAssembly()
    {
        // 19855: "à l'Assemblée" three times; 3565: "l'Assemblée nationale" (fr/aliases.tsv).
        var entities = EntityResolver.Resolve(Orangesum.Articles("19855", "3565"));
        var assembly = Assert.Single(entities, e => e.Aliases.Contains("Assemblée"));
        Assert.Equal(("Assemblée nationale", "ORG", 4), (assembly.Name, assembly.Type, assembly.Mentions.Count));
    }

    [Fact]
    public void ANameHeadedByAPlacesHeadWordIsAPlace()
    {
        // 28237: "L'Arc de Triomphe, plus que jamais symbolique", which the tagger types as an organisation;
        // 15360: "l'arc de Triomphe est attaqué".
        var entities = EntityResolver.Resolve(Orangesum.Articles("28237", "15360"));
        var arc = Assert.Single(entities, e => e.Aliases.Contains("Arc de Triomphe"));
        Assert.Equal(("LOC", 5), (arc.Type, arc.Mentions.Count));
        Assert.Contains("arc de Triomphe", arc.Aliases);
    }

    [Fact]
    public void AFirstNameAloneIsTheOnePersonOfItsArticleWithThatFirstName()
    {
        // 26063: "il y a ici, et Éric en est un exemple", then "son ami Éric Abadie, berger et restaurateur";
        // 22026: "explique Eric, "gilet jaune" venu de Toulouse", named by his first name only.
        var entities = EntityResolver.Resolve(Orangesum.Articles("26063", "22026"));
        Assert.Equal(["Éric", "Éric Abadie"], Assert.Single(entities, e => e.Name == "Éric Abadie").Aliases);
        var witness = Assert.Single(entities, e => e.Aliases.Contains("Eric"));
        Assert.Equal(("Eric", "d2"), (witness.Name, Assert.Single(witness.Mentions).DocumentId));
    }
}
