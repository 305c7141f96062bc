using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Resolution on orangesum articles: role phrases next to a name, numbers in names.</summary>
public class RealArticleResolutionTests
{
    [Fact]
    public void ANameAfterARolePhraseIsNoHolderWhenTheRoleHoldersOfTheDayNameSomeoneElse()
    {
        // 26342, 16 January 2017: "l'investiture de Donald Trump en tant que nouveau président des
        // États-Unis, Manuel Valls a tancé…". Barack Obama held the office that day and is not named,
        // so the phrase stays a role phrase.
        var documents = Orangesum.Articles("26342");
        var entities = EntityResolver.Resolve(documents);
        var valls = Assert.Single(entities, e => e.Name == "Manuel Valls");
        Assert.Empty(valls.Roles);
        Assert.DoesNotContain(entities, e => e.Roles.Any(r => r.Role == "us-president"));
    }

    /// <summary>What an entity's mentions say, one of each.</summary>
    private static string[] Said(IReadOnlyList<EntityGroup> entities, string name) =>
        entities.Where(e => e.Name == name).SelectMany(e => e.Mentions)
            .Select(m => m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length)).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void ARolePhraseNamingNoCountryIsTheHolderOfTheDayWhereTheArticleNamesThem()
    {
        // 28162, 4 December 2018: "Le Premier ministre a fait plusieurs annonces mardi 4 décembre", Édouard Philippe
        // named further on; 19479, 11 December 2018: "…, le chef de l'État a de nouveau mis en porte-à-faux", Emmanuel Macron named.
        var entities = EntityResolver.Resolve(Orangesum.Articles("28162", "19479"));
        Assert.Contains("Le Premier ministre", Said(entities, "Édouard Philippe"));
        Assert.Contains("le chef de l'État", Said(entities, "Emmanuel Macron"));
    }

    [Theory]
    // 19480, 11 December 2018, Emmanuel Macron named: "…, a indiqué l'entourage de l'ancien chef de l'État mardi".
    [InlineData("19480", "chef de l'État mardi")]
    // 21473, 14 June 2018, Emmanuel Macron named: "L'ancien président de la République a reproché à l'actuel chef
    // de l'État", "a estimé l'ex-président de la République, jeudi 14 juin sur Europe 1".
    [InlineData("21473", "président de la République a reproché")]
    [InlineData("21473", "président de la République, jeudi")]
    // 19552, 21 May 2016, Manuel Valls named: "Il y rencontrera le Premier ministre Rami Hamdallah."
    [InlineData("19552", "Premier ministre Rami")]
    public void ARolePhraseNamesNoHolderOfTheDayWhenItIsAFormerHoldersOrAnotherCountrys(string id, string phrase)
    {
        var documents = Orangesum.Articles(id);
        var at = documents[0].Document.Text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(at > 0);
        var entities = EntityResolver.Resolve(documents);
        Assert.DoesNotContain(entities.SelectMany(e => e.Mentions), m => m.Mention.Span.Contains(at));
    }

    [Fact]
    public void AChannelNamedWithANumberIsNotTheCountry()
    {
        // 16627: "Arnaud Comte et Stéphane Guillemot pour France 2" and "rapatriés en France".
        var documents = Orangesum.Articles("16627");
        var entities = EntityResolver.Resolve(documents);
        var country = Assert.Single(entities, e => e.Aliases.Contains("France"));
        Assert.DoesNotContain("France 2", country.Aliases);
        Assert.Contains(entities, e => e.Aliases.SequenceEqual(["France 2"]));
    }

    [Fact]
    public void TheRepublicOfPresidentDeLaRepubliqueIsNoOrganisationAndThePhraseIsThePresidentOfTheDay()
    {
        // 19904, 16 November 2018: "l'invitation à l'Elysée du président de la République", "Monsieur le
        // président de la République, votre présence…" (twice).
        var documents = Orangesum.Articles("19904");
        var entities = EntityResolver.Resolve(documents);
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("République"));
        Assert.Equal(3, documents[0].Document.Text.Split("président de la République").Length - 1);
        var president = Assert.Single(entities, e => e.Roles.Any(r => r.Role == "fr-president"));
        Assert.Equal("Emmanuel Macron", president.Name);
    }

    [Fact]
    public void TheRadioIsOneEntityWhetherWrittenFranceInfoOrFranceinfo()
    {
        // 28191: "Selon Bruno Le Maire cité par France info" and "sur Franceinfo"; 15712: "a déclaré M. Le
        // Maire sur France Info" (fr/aliases.tsv).
        var entities = EntityResolver.Resolve(Orangesum.Articles("28191", "15712"));
        var radio = Assert.Single(entities, e => e.Aliases.Contains("Franceinfo"));
        Assert.Equal(["France Info", "France info", "Franceinfo"], radio.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal("ORG", radio.Type);
    }

    [Fact]
    public void AMagazineNamedAfterACityIsAnOrganisation()
    {
        // 18532: "Interrogée par nos confrères de Paris Match, Vanessa Burggraf est revenue…".
        var entities = EntityResolver.Resolve(Orangesum.Articles("18532"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "Paris Match").Type);
        Assert.Equal("PER", Assert.Single(entities, e => e.Name == "Vanessa Burggraf").Type);
    }

    [Fact]
    public void ANameEndsBeforeTheFullStopThatEndsItsSentence()
    {
        // 22236: "affirme mardi 20 mars Le Parisien. \"En discutant…", "explique Le Parisien. \"Avant…".
        var entities = EntityResolver.Resolve(Orangesum.Articles("22236"));
        var newspaper = Assert.Single(entities, e => e.Aliases.Contains("Le Parisien"));
        Assert.Equal("ORG", newspaper.Type);
        Assert.DoesNotContain(entities.SelectMany(e => e.Aliases), alias => alias.EndsWith('.'));
    }

    [Fact]
    public void APartyInBracketsAfterAPersonIsNotTheirAcronym()
    {
        // 15780 (a poll, December 2018): "Jean-Luc Mélenchon (LFI) perd 5 points à 18% et Laurent
        // Wauquiez (LR) 6 points à 14 %"; 702: "Eric Woerth (LR) a quant à lui critiqué les mesures".
        // Each "LR" is the party, not the person named before it.
        var entities = EntityResolver.Resolve(Orangesum.Articles("15780", "702"));
        Assert.Equal(["Laurent Wauquiez"], Assert.Single(entities, e => e.Name == "Laurent Wauquiez").Aliases);
        Assert.Equal(["Eric Woerth"], Assert.Single(entities, e => e.Name == "Eric Woerth").Aliases);
        Assert.DoesNotContain(entities, e => e.Type == "PER" && e.Aliases.Contains("LR"));
    }

    [Fact]
    public void AnEntityIsNamedByItsMostFrequentFullNameNotByAWordGluedToItOnce()
    {
        // 26641: "estime Marlène Schiappa dans une interview accordée à Closer", later "ironise dans
        // Closer Marlène Schiappa", which the tagger reads as one name.
        var entities = EntityResolver.Resolve(Orangesum.Articles("26641"));
        var schiappa = Assert.Single(entities, e => e.Aliases.Contains("Marlène Schiappa"));
        Assert.Equal("Marlène Schiappa", schiappa.Name);
        Assert.Contains("Closer Marlène Schiappa", schiappa.Aliases);
    }

    [Fact]
    public void ACountryIsOneEntityAcrossArticlesThoughANameEndingWithItWasTakenForAPerson()
    {
        // 27741 "les huit Samu d'Ile-de-France", typed as a person, made "France" a surname, so each
        // article's "France" was joined only within that article (694: "Attac France", "en France";
        // 28191: "Nestlé France", "la France").
        var documents = Orangesum.Articles("27741", "694", "28191");
        var france = Assert.Single(EntityResolver.Resolve(documents), e => e.Name == "France");
        Assert.Equal("LOC", france.Type);
        Assert.Equal(["d2", "d3"], france.Mentions.Select(m => m.DocumentId).Distinct().Order());
    }
}
