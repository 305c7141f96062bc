using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Spellings, acronyms, aliases and roles across articles, on sentences of the news they
/// were found in (crisis coverage of 2011, orangesum articles).</summary>
public class VariantAndRoleTests
{
    private static IReadOnlyList<EntityGroup> Resolve(params string[] articles) =>
        EntityResolver.Resolve(articles.Select((text, i) => new ExportedDocument($"d{i + 1}", Samples.AnalyseText(text, $"a{i + 1}.txt"))).ToList());

    private static EntityGroup Holding(IReadOnlyList<EntityGroup> entities, string surface) => entities.Single(e => e.Aliases.Contains(surface));

    [Theory]
    [InlineData("Kadhafi"), InlineData("Khadafi"), InlineData("Kaddafi"), InlineData("Gaddafi"), InlineData("Qaddafi"), InlineData("Gadaffi")]
    public void TransliterationsOfKadhafiShareOneKey(string spelling) => Assert.Equal("kadafi", NameVariants.KeyOf(NameKey.Of(spelling)));

    [Fact]
    public void FirstNamesAndParticlesFoldToo()
    {
        Assert.Equal("muamar kadafi", NameVariants.KeyOf(NameKey.Of("Mouammar al-Kadhafi")));
        Assert.Equal("muamar kadafi", NameVariants.KeyOf(NameKey.Of("Muammar Gaddafi")));
    }

    [Fact]
    public void NamesDifferingInVowelsMeetInABlockAndCostLittle()
    {
        var (bani, beni) = (NameVariants.KeyOf(NameKey.Of("Bani Walid")), NameVariants.KeyOf(NameKey.Of("Beni Oulid")));
        Assert.Equal(NameVariants.BlockOf(bani), NameVariants.BlockOf(beni));
        Assert.Equal(0.6, NameVariants.Cost(bani, beni), 3);
        Assert.True(NameVariants.AreVariants(bani, beni));
        Assert.NotEqual(NameVariants.BlockOf(NameVariants.KeyOf("oman")), NameVariants.BlockOf(NameVariants.KeyOf("amman")));
        Assert.False(NameVariants.AreVariants(NameVariants.KeyOf("bani walid"), NameVariants.KeyOf("bani mansour")));
    }

    [Fact]
    public void SpellingsOfOneNameAcrossArticlesAreOneEntityWithTheirReasons()
    {
        var entities = Resolve(
            "Les forces fidèles au colonel Mouammar Kadhafi ont bombardé Misrata. Les combats dans la ville de Beni Oulid ont repris.",
            "Muammar Gaddafi a promis de résister. Le camp de Khadafi affirme contrôler Bani Walid.");
        var kadhafi = Holding(entities, "Mouammar Kadhafi");
        Assert.Subset(new HashSet<string> { "Mouammar Kadhafi", "Muammar Gaddafi", "Khadafi" }, kadhafi.Aliases.ToHashSet());
        Assert.Equal("PER", kadhafi.Type);
        Assert.Contains(kadhafi.Reasons, r => r.StartsWith("Muammar Gaddafi = Mouammar Kadhafi: same name in another spelling", StringComparison.Ordinal));
        var town = Holding(entities, "Bani Walid");
        Assert.Same(town, Holding(entities, "Beni Oulid"));
        Assert.Equal("LOC", town.Type);
        Assert.Contains(town.Reasons, r => r.Contains("spellings of one name (cost 0.6)", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeclaredAcronymBindsItsLaterUsesInEveryArticle()
    {
        var entities = Resolve(
            "Le Conseil national de transition (CNT) a affirmé que les combats avaient fait des morts.",
            "Le CNT réclame l'aide de l'Alliance atlantique. Les frappes de l'OTAN continuent.");
        var council = Holding(entities, "Conseil national de transition");
        Assert.Equal(["Conseil national de transition", "CNT", "CNT"], council.Mentions.Select(m => m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length)).ToArray());
        Assert.Same(council, Holding(entities, "CNT"));
        Assert.Contains(council.Reasons, r => r == "CNT = Conseil national de transition: acronym declared in the article");
        Assert.Contains(council.Reasons, r => r == "CNT = Conseil national de transition: the only name the dossier declares this acronym for");
        Assert.Same(Holding(entities, "Alliance atlantique"), Holding(entities, "OTAN"));
    }

    [Fact]
    public void APartyInBracketsAfterAPersonIsNotTheirAcronym()
    {
        var entities = Resolve(
            "Jean-Luc Mélenchon (LFI) a dénoncé la réforme des retraites devant l'Assemblée nationale.",
            "Les députés de LFI ont déposé une motion de censure.");
        var melenchon = Holding(entities, "Jean-Luc Mélenchon");
        Assert.DoesNotContain("LFI", melenchon.Aliases);
        Assert.DoesNotContain(melenchon.Reasons, r => r.StartsWith("LFI", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAcronymDeclaredForTwoBodiesIsBoundOnlyWhereDeclared()
    {
        var entities = Resolve(
            "Le Conseil national de transition (CNT) a affirmé contrôler la ville.",
            "Trois associations d'élus ont boycotté la Conférence nationale des territoires (CNT) pour protester.",
            "Le CNT ne s'est pas réuni.");
        Assert.NotSame(Holding(entities, "Conseil national de transition"), Holding(entities, "Conférence nationale des territoires"));
        var unbound = entities.Single(e => e.Mentions.Any(m => m.DocumentId == "d3"));
        Assert.Equal(["CNT"], unbound.Aliases);
    }

    [Fact]
    public void ARolePhraseGoesToTheOneHolderOfItsDate()
    {
        var entities = Resolve(
            "Libye : Sarkozy reçoit le CNT\n\nPublié le 21 mars 2011\n\nLe président français a reçu les représentants du CNT.",
            "Publié le 10 mai 2011\n\nNicolas Sarkozy a appelé à une transition.",
            "Publié le 6 août 2020\n\nLe président français a annoncé une conférence d'aide internationale pour le Liban. Emmanuel Macron était à Beyrouth.");
        var sarkozy = Holding(entities, "Nicolas Sarkozy");
        Assert.Contains(sarkozy.Mentions, m => m.DocumentId == "d1" && m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == "Le président français");
        var macron = Holding(entities, "Emmanuel Macron");
        Assert.Contains(macron.Mentions, m => m.DocumentId == "d3" && m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == "Le président français");
    }

    [Fact]
    public void ARolePhraseStaysARolePhraseWhenNoHolderFits()
    {
        // Undated: no term can be checked. The British Prime Minister of 2011 is not in the dossier.
        var entities = Resolve(
            "Le président français a reçu les représentants du CNT. Nicolas Sarkozy a appelé à une transition.",
            "Publié le 21 mars 2011\n\nLe Premier ministre britannique appelait au départ du dirigeant.");
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("Le président français") || e.Aliases.Contains("Le Premier ministre britannique"));
    }

    [Fact]
    public void TheDirectorGeneralOfHealthIsARoleWhoseAdministrationIsNoName()
    {
        // orangesum 14215 and a later article: the tagger made "Santé" an organisation in both. The phrase names the
        // director, Jérôme Salomon by the first article's apposition.
        var entities = Resolve(
            "Dans son point quotidien du 24 avril, le directeur général de la Santé, Jérôme Salomon, a indiqué que la barre des 22.000 morts avait été franchie.",
            "\"Nous devons rester pleinement mobilisés\", a indiqué le directeur général de la Santé, qui a toutefois noté des signaux positifs remontant des établissements de soin.");
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("Santé"));
        var salomon = Holding(entities, "Jérôme Salomon");
        Assert.Contains("le directeur général de la Santé", salomon.Aliases);
        Assert.Contains(salomon.Mentions, m => m.DocumentId == "d2");
    }

    [Fact]
    public void AFrenchMinistersTitleGoesToTheMinisterOfItsDate()
    {
        // orangesum 22897, 4800, 22219: the Interior minister of December 2017 and of June 2020, the Justice minister
        // of September 2019; "Sceaux" in "garde des Sceaux" was an organisation, and one with the minister's name.
        var entities = Resolve(
            "Publié le 19 décembre 2017\n\nPour éviter d'avoir à s'éloigner trop longtemps de la place Beauvau, Gérard Collomb a décidé de faire venir ses proches à Paris pour les fêtes de fin d'année. Pour l'occasion, deux fonctionnaires de police ont été réquisitionnés pendant cette période pour transporter la famille du ministre de l'Intérieur, révèle Le Point.",
            "Publié le 15 juin 2020\n\nLe ministre de l'Intérieur avait notamment évoqué la fin de l'utilisation de la technique d'interpellation dite \"d'étranglement\". Le ministre de l'Intérieur Christophe Castaner, a reçu vendredi les syndicats policiers très remontés depuis ses annonces lundi.",
            "Publié le 11 septembre 2019\n\nLa garde des Sceaux Nicole Belloubet présentait mercredi 11 septembre son projet d'ordonnance réformant la justice des mineurs. Ce n'est pas la première fois que la garde des Sceaux prend ses distances avec le gouvernement.");
        Assert.DoesNotContain(entities, e => e.Aliases.Any(a => a.Contains("Sceaux", StringComparison.Ordinal) || a.Contains("Intérieur", StringComparison.Ordinal)) && e.Type != "PER");
        Assert.Contains("ministre de l'Intérieur", Holding(entities, "Gérard Collomb").Aliases);
        Assert.Equal(2, Holding(entities, "Christophe Castaner").Mentions.Count(m => m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == "Le ministre de l'Intérieur"));
        var belloubet = Holding(entities, "Nicole Belloubet");
        Assert.Contains("La garde des Sceaux", belloubet.Aliases);
        Assert.Contains("la garde des Sceaux", belloubet.Aliases);
    }

    [Fact]
    public void TwoPeopleSharingASurnameInDifferentStoriesAreKeptApart()
    {
        var entities = Resolve(
            "Le chef du Pentagone Ashton Carter est arrivé à Bagdad. M. Carter a rencontré le Premier ministre.",
            "L'ancien président américain Jimmy Carter a reçu le prix Nobel de la paix. Carter avait négocié les accords de Camp David.");
        var ashton = Holding(entities, "Ashton Carter");
        var jimmy = Holding(entities, "Jimmy Carter");
        Assert.NotSame(ashton, jimmy);
        Assert.Contains(ashton.Mentions, m => m.DocumentId == "d1" && m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == "Carter");
        Assert.Contains(jimmy.Mentions, m => m.DocumentId == "d2" && m.Document.Text.Substring(m.Mention.Span.Start, m.Mention.Span.Length) == "Carter");
    }

    [Fact]
    public void TheTransportAndSportsTitlesGoToTheirHoldersOfTheDay()
    {
        // orangesum 13851 (30 April 2020): "Le secrétaire d'État aux Transports s'est rendu jeudi matin à Roissy pour assister à
        // l'arrivée d'un vol Air France Cargo"; 23225 (23 July 2019): "La ministre des Sports, Roxana Maracineanu, a rappelé les
        // consignes de sécurité".
        var entities = EntityResolver.Resolve(Orangesum.Articles("13851", "23225"));
        Assert.Contains("Le secrétaire d'État aux Transports", entities.Single(e => e.Name == "Jean-Baptiste Djebbari").Aliases);
        Assert.Contains("La ministre des Sports", entities.Single(e => e.Name == "Roxana Maracineanu").Aliases);
    }
}
