using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Where names start and stop and which type they get, on sentences of real French news
/// (orangesum articles and the crisis coverage the problems were found in).</summary>
public class NameBoundaryTests
{
    private static (string Text, string Type)[] Mentions(AnalysedDocument document) =>
        document.Entities.Select(m => (document.Text.Substring(m.Span.Start, m.Span.Length), m.Type)).ToArray();

    [Fact]
    public void ANameStopsAtAPrepositionStartingAnotherName()
    {
        var document = Samples.AnalyseText(
            "Le régime de Kadhafi de Tripoli reste sourd aux appels de Barack Obama. Selon Evan Hill d'Al Jazeera, les frappes continuent.");
        Assert.Equal([("Kadhafi", "PER"), ("Tripoli", "LOC"), ("Barack Obama", "PER"), ("Evan Hill", "PER"), ("Al Jazeera", "ORG")], Mentions(document));
    }

    [Fact]
    public void APersonsNameWithAParticleStaysWhole()
    {
        var document = Samples.AnalyseText("Le général Charles de Gaulle a lancé son appel depuis Londres.");
        Assert.Contains(("Charles de Gaulle", "PER"), Mentions(document));
    }

    [Fact]
    public void ACommonNounBeforeTheLinkIsNoName()
    {
        var document = Samples.AnalyseText(
            "Les militaires américains proposent également à Bagdad des capacités \"déjà offertes\" au moment de la bataille de Ramadi, mais finalement non utilisées.");
        Assert.Equal([("Bagdad", "LOC"), ("Ramadi", "LOC")], Mentions(document));
    }

    [Fact]
    public void StateTelevisionGivesNoStateEntity()
    {
        var document = Samples.AnalyseText(
            "La pneumonie virale a provoqué 75 décès supplémentaires en 24 heures, ce qui porte à 8.209 morts le bilan de l'épidémie en Iran, a déclaré samedi à la télévision d'Etat le porte-parole du ministère.");
        Assert.Equal([("Iran", "LOC")], Mentions(document));
    }

    [Fact]
    public void ASourceLineWithAgenciesIsMetadataAndNamesNoOne()
    {
        var document = Samples.AnalyseText(
            "Libye : les rebelles avancent vers Bani Walid\n\nLe Monde avec AFP et Reuters Publié le 21 mars 2011 à 10h14\n\nLes combats ont repris.");
        Assert.Equal(LineKind.Metadata, document.KindOf(3));
        Assert.Equal([("Libye", "LOC"), ("Bani Walid", "LOC")], Mentions(document));
    }

    [Fact]
    public void AnAgencyRunIntoTheNextWordIsTheAgencyAlone()
    {
        var document = Samples.AnalyseText("Selon Reuters Publié hier, les combats ont repris à Misrata.");
        Assert.Equal([("Reuters", "ORG"), ("Misrata", "LOC")], Mentions(document));
    }

    [Fact]
    public void AKnownNameCoversTheFragmentTheTaggerFound()
    {
        var document = Samples.AnalyseText(
            "Les Américains veulent augmenter leur soutien militaire aux forces irakiennes pour reprendre Mossoul au groupe Etat islamique, a indiqué lundi Ashton Carter.");
        Assert.Contains(("Etat islamique", "ORG"), Mentions(document));
        Assert.DoesNotContain(Mentions(document), m => m.Text == "Etat");
    }

    [Fact]
    public void TheGazetteerAndTheWordsAroundDecideTheType()
    {
        // The tagger calls "Raqa" a person and "Beni Oulid" a person: Raqa is a known city, and "ville
        // de" before Beni Oulid votes twice for a place ("à" alone, one vote, would only break a tie).
        var document = Samples.AnalyseText(
            "La reprise de Mossoul et Raqa sont les deux principaux objectifs à venir de la coalition. Les combats dans la ville de Beni Oulid ont fait des morts.");
        var mentions = Mentions(document);
        Assert.Contains(("Raqa", "LOC"), mentions);
        Assert.Contains(("Beni Oulid", "LOC"), mentions);
    }

    [Fact]
    public void ADeclaredAcronymWithALinkingWordIsFoundEverywhereInTheArticle()
    {
        var document = Samples.AnalyseText(
            "Le Conseil national de transition (CNT) a affirmé contrôler la ville. Le CNT réclame l'aide de l'OTAN.");
        Assert.Equal([("Conseil national de transition", "ORG"), ("CNT", "ORG"), ("CNT", "ORG"), ("OTAN", "ORG")], Mentions(document));
    }

    [Fact]
    public void ALowerCasePrefixIsNotPartOfTheName()
    {
        var document = Samples.AnalyseText("Les États-Unis et l'Irak discutent de la coopération anti-État islamique et du départ des troupes américaines de Syrie");
        Assert.Equal([("États-Unis", "LOC"), ("Irak", "LOC"), ("État islamique", "ORG"), ("Syrie", "LOC")], Mentions(document));
    }

    [Fact]
    public void ADemonymGluedBeforeANameIsNoPartOfIt()
    {
        // orangesum 13926 and 4953: the tagger read "Suédoise Greta Thunberg" and "Britannique EasyJet" as places.
        var thunberg = Samples.AnalyseText(
            "Symbole de la jeunesse révoltée, la Suédoise Greta Thunberg, 16 ans, a été invitée à prononcer devant les dirigeants un discours qu'on attend sans détours.");
        Assert.Equal([("Greta Thunberg", "PER")], Mentions(thunberg));
        var airlines = Samples.AnalyseText("D'autres compagnies tiennent au prix de coupes drastiques dans leurs effectifs : au moins 19.000 suppressions de postes "
            + "annoncées par Air Canada, 12.000 chez British Airways, 10.000 pour l'Américain Delta Air Lines, 5.000 pour le scandinave SAS ou encore 4.500 chez le Britannique EasyJet.");
        Assert.Contains(("Delta Air Lines", "ORG"), Mentions(airlines));
        Assert.Contains(("EasyJet", "ORG"), Mentions(airlines));
        Assert.DoesNotContain(Mentions(airlines), m => m.Text.Contains("Américain", StringComparison.Ordinal) || m.Text.Contains("Britannique", StringComparison.Ordinal));
    }

    [Fact]
    public void ANewspaperNamedAfterItsTownsPeopleIsCutFromTheNameAfterIt()
    {
        // orangesum 16354: "au Parisien" is the newspaper Le Parisien, which the tagger glued to the doctor's name.
        var document = Samples.AnalyseText("Je ne sais pas comment, mais on trouvera\", a martelé au Parisien Jean-Michel Constantin, médecin réanimateur à la Pitié-Salpêtrière.");
        Assert.Contains(("Parisien", "ORG"), Mentions(document));
        Assert.Contains(("Jean-Michel Constantin", "PER"), Mentions(document));
    }

    [Fact]
    public void AWordOpeningAQuotationIsNoPartOfTheNameAfterIt()
    {
        // orangesum 27069: the tagger read "Si Mélenchon" as one name.
        var document = Samples.AnalyseText("»Il minimise également le fait d'avoir ouvert les portes de son journal La Provence pour une réunion de « gilets jaunes » "
            + "le 5 janvier dernier : « Si Mélenchon ou Ravier a besoin un samedi d'un endroit pour une réunion publique à Marseille, je pourrais aussi leur prêter des locaux inoccupés.");
        Assert.Contains(("Mélenchon", "PER"), Mentions(document));
        Assert.DoesNotContain(Mentions(document), m => m.Text.StartsWith("Si ", StringComparison.Ordinal));
    }
}
