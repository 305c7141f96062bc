using Dossier.Core.Recognize.Entities;
using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>One type per referent, decided over its mentions in every article of the dossier: within an
/// article the tagger's types and the words before each mention vote ("à" for a place, "colonel" for a person), across articles
/// the full names vote, and a name in the gazetteer takes its type whatever the votes.</summary>
public class TypeVoteTests
{
    /// <summary>The types an article gave the mentions of an entity, in text order.</summary>
    private static string[] TypesIn(EntityGroup entity, string document) =>
        entity.Mentions.Where(m => m.DocumentId == document)
            .Select(m => m.Document.Entities.Single(e => e.Span == m.Mention.Span).Type).ToArray();

    [Fact]
    public void APrepositionBeforeAPersonsNameDoesNotMakeHimAPlace()
    {
        // 27233 writes "s'en est violemment pris à Nicolas Sarkozy", "retourner le compliment à Nicolas
        // Sarkozy"; 10853 "se retrouve face à Georges Képénékian qui occupa le fauteuil de maire". "à" has
        // one vote (fr/type-triggers.tsv): it breaks a tie but does not outweigh the tagger's "person".
        var entities = EntityResolver.Resolve(Orangesum.Articles("27233", "10853"));
        var sarkozy = Assert.Single(entities, e => e.Name == "Nicolas Sarkozy");
        Assert.Equal(["PER", "PER", "PER", "PER"], TypesIn(sarkozy, "d1"));
        Assert.Equal("PER", Assert.Single(entities, e => e.Name == "Georges Képénékian").Type);
    }

    [Fact]
    public void ATypeTriggerRowWithoutItsVotesIsRefusedWithItsFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => NameGazetteer.Trigger(("fr/type-triggers.tsv", 7, "à\tLOC")));
        Assert.Equal("fr/type-triggers.tsv:7: expected 'phrase<TAB>type<TAB>votes[<TAB>type ruled out]', got 'à\tLOC'", error.Message);
    }

    [Fact]
    public void ANewspaperInTheGazetteerIsAnOrganisationWhateverItsMentionsVote()
    {
        // 24655 (the Lyon parcel bomb, May 2019): "Le Parisien" is tagged a place at some mentions and an
        // organisation at others; fr/gazetteer.tsv knows it as an organisation.
        var documents = Orangesum.Articles("24655");
        var newspaper = Assert.Single(EntityResolver.Resolve(documents), e => e.Name == "Le Parisien");
        Assert.Contains("LOC", TypesIn(newspaper, "d1"));
        Assert.Equal("ORG", newspaper.Type);
    }

    [Fact]
    public void AnUnknownAcronymIsNoPlace()
    {
        // 25310: "Dans un communiqué, le SNJ-CGT a estimé", which the tagger types as a place.
        var entities = EntityResolver.Resolve(Orangesum.Articles("25310"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "SNJ-CGT").Type);
    }

    [Fact]
    public void ANameWrittenWithACapitalInsideItIsNoPlace()
    {
        // 973: "propulser leurs profils sur TikTok et Instagram"; 5789: "des propos dont se rappelle ce dimanche le
        // HuffPost"; 20390: "J'ai pris BlaBlaBus (ex Ouibus) à 16h de Paris-Bercy"; all typed as places by the tagger.
        var entities = EntityResolver.Resolve(Orangesum.Articles("973", "5789", "20390"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "TikTok").Type);
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "HuffPost").Type);
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "BlaBlaBus").Type);
    }

    [Fact]
    public void ANameThatGoesOnFromAnAcronymOrAKnownOrganisationIsNoPlace()
    {
        // 19899: "ce militant de SUD-Rail est en grève"; 19338: "L'Unsa-Police, de son côté, a enjoint";
        // 28174: "le syndicat Unsa Police"; all typed as places by the tagger.
        var entities = EntityResolver.Resolve(Orangesum.Articles("19899", "19338", "28174"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "SUD-Rail").Type);
        Assert.Equal("ORG", Assert.Single(entities, e => e.Aliases.Contains("Unsa-Police") && e.Aliases.Contains("Unsa Police")).Type);
    }

    [Fact]
    public void AFrenchRegionIsAPlaceAndANewspaperNamedAfterADepartmentIsAnOrganisation()
    {
        // 26026: "Le préfet de Nouvelle Aquitaine Didier Lallement", typed as an organisation by the tagger;
        // 27641: "un photographe de la Charente Libre", typed as a place.
        var entities = EntityResolver.Resolve(Orangesum.Articles("26026", "27641"));
        Assert.Equal("LOC", Assert.Single(entities, e => e.Name == "Nouvelle Aquitaine").Type);
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "Charente Libre").Type);
    }

    [Fact]
    public void ADiseaseOrAFeastOfTypedNamesIsTypedWhereTheTaggerFindsItAndAddedNowhere()
    {
        // 3809 writes "décédé du Covid-19 le 28 avril", which the tagger leaves alone, and "s'il a attrapé
        // le Covid, c'est à cause de l'Etat", which it tags as a place; 9298 "pour marquer l'Aïd", a place
        // too. fr/typed-names.tsv types both where the tagger finds them and looks for neither.
        var entities = EntityResolver.Resolve(Orangesum.Articles("3809", "9298"));
        var covid = Assert.Single(entities, e => e.Name.StartsWith("Covid", StringComparison.Ordinal));
        Assert.Equal(("Covid", "MISC"), (covid.Name, covid.Type));
        Assert.Equal(["Covid"], covid.Mentions.Select(m => m.Document.TextOf(m.Mention.Span)));
        var feast = Assert.Single(entities, e => e.Name == "Aïd");
        Assert.Equal(("MISC", 9), (feast.Type, feast.Mentions.Count));
    }

    [Fact]
    public void AHeadNounBeforeACompanysNameInOneArticleMakesItAnOrganisationInTheOthers()
    {
        // 36026 (the insurer and the restaurants, 2020) writes "se félicite Axa dans un communiqué", "selon
        // Axa", "Fin juin, Axa avait annoncé", all tagged as places; 2143 writes "à son assureur Axa qui
        // refuse d'indemniser", where "assureur" heads the name (fr/type-triggers.tsv).
        var entities = EntityResolver.Resolve(Orangesum.Articles("36026", "2143"));
        var insurer = Assert.Single(entities, e => e.Name == "Axa");
        Assert.Equal(["LOC", "LOC", "LOC", "LOC", "LOC", "LOC"], TypesIn(insurer, "d1"));
        Assert.Equal(("ORG", 13), (insurer.Type, insurer.Mentions.Count));
    }

    [Fact]
    public void AnAdjectiveMayStandBetweenTheHeadNounAndTheName()
    {
        // 10691: "les patients de cette filiale de l'entreprise biomédicale Gemotest", then "spécialiste chez
        // Gemotest" and "Gemotest, qui dispose de filiales", all tagged as places.
        var gemotest = Assert.Single(EntityResolver.Resolve(Orangesum.Articles("10691")), e => e.Name == "Gemotest");
        Assert.Equal(("ORG", 3), (gemotest.Type, gemotest.Mentions.Count));
    }

    [Fact]
    public void APersonNamedAfterAHeadNounInOneArticleStaysAPersonInTheOthers()
    {
        // 22272: "Une position partagée par le patron du parti Laurent Wauquiez", which the article's votes
        // make an organisation ("parti" has two, fr/type-triggers.tsv); 24253 and 13834 name him as a person.
        var entities = EntityResolver.Resolve(Orangesum.Articles("22272", "24253", "13834"));
        Assert.Equal("PER", Assert.Single(entities, e => e.Name == "Laurent Wauquiez").Type);
    }

    [Fact]
    public void AHeadNounCompletingAPersonsTitleSaysNothingOfTheNameAfterIt()
    {
        // 19020: "le directeur de cabinet Patrick Strzoda"; 975: "le patron de la société Tad Dowker". "cabinet" and
        // "société" head organisations' names (fr/type-triggers.tsv), but here they complete a person's title, whose holder
        // the name is: the tagger's "person" stands.
        var strzoda = Assert.Single(EntityResolver.Resolve(Orangesum.Articles("19020")), e => e.Name == "Patrick Strzoda");
        Assert.Equal("PER", strzoda.Type);
        Assert.Equal(["PER"], TypesIn(strzoda, "d1"));
        Assert.Equal("PER", Assert.Single(EntityResolver.Resolve(Orangesum.Articles("975")), e => e.Name == "Tad Dowker").Type);
    }

    [Fact]
    public void OnlyAnOrganisationsHeadNounBeforeTheWholeNameTypesItAcrossTheDossier()
    {
        // 34762: "au journal Portland Tribune", where the tagger kept "Portland" alone; 36217 names the city six times.
        var portland = Assert.Single(EntityResolver.Resolve(Orangesum.Articles("34762", "36217")), e => e.Name == "Portland");
        Assert.Equal("LOC", portland.Type);
        // 13551: "la province de Batman en Turquie"; 5108: "des personnages comme Batman, Superman et Wonder Woman".
        var batman = EntityResolver.Resolve(Orangesum.Articles("13551", "5108")).Where(e => e.Name == "Batman").ToList();
        Assert.Equal("PER", Assert.Single(batman, e => e.Mentions.Any(m => m.DocumentId == "d2")).Type);
    }

    [Fact]
    public void AHeadNounTypesANameOfSeveralWordsAcrossTheDossier()
    {
        // 4768: "le quotidien Sud-Ouest"; the tagger calls the paper a place in the other articles.
        var entities = EntityResolver.Resolve(Orangesum.Articles("4768", "36471", "35101", "16536"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "Sud-Ouest").Type);
    }

    [Fact]
    public void AfterChezANameIsNoPlace()
    {
        // orangesum 33977: the tagger made the vaccine maker a place. "chez" rules a place out (fr/type-triggers.tsv).
        var entities = EntityResolver.Resolve([new("d1", Samples.AnalyseText("\"Quand on a reçu le virus, on a commencé à réaliser qu'on travaillait sur "
            + "quelque chose de très important mais aussi de très stressant\", se souvient Fabien Perugi, responsable de la recherche pré-clinique "
            + "pour la France chez Valneva."))]);
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "Valneva").Type);
        Assert.Equal("PER", Assert.Single(entities, e => e.Name == "Fabien Perugi").Type);
    }

    [Fact]
    public void ABrandIsAnOrganisation()
    {
        // orangesum 32034: "La marque française Delage qui s'illustra notamment au début du siècle dernier": the tagger made the car
        // maker a person. "marque" is an organisation's head noun (fr/type-triggers.tsv).
        var entities = EntityResolver.Resolve(Orangesum.Articles("32034"));
        Assert.Equal("ORG", entities.First(e => e.Name == "Delage").Type);
    }

    [Fact]
    public void ANameHeadedByAnOrganisationsHeadNounIsAnOrganisation()
    {
        // orangesum 13436: "Il appelle dimanche 13 octobre dans le Journal du dimanche (JDD) le chef de l'Etat à \"changer\"";
        // the tagger made the weekly a MISC. "Journal" heads the name (fr/org-heads.txt).
        var entities = EntityResolver.Resolve(Orangesum.Articles("13436"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Aliases.Contains("le Journal du dimanche")).Type);
    }

    [Fact]
    public void ANameAfterAVerbOfSayingInInversionIsNoPlace()
    {
        // orangesum 11332: "[…] mais encore la maladie de Lyme, véhiculée par les tiques et dont les rongeurs sont porteurs", souligne One Voice.
        // The animal-rights association, which the tagger made a person: "souligne" before its subject rules a place out
        // and votes for an organisation (fr/type-triggers.tsv), which the other mentions' votes no longer outweigh.
        var entities = EntityResolver.Resolve(Orangesum.Articles("11332"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "One Voice").Type);
    }
}
