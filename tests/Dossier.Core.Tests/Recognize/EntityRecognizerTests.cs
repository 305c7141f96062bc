using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Recognize;

/// <summary>The shipped French model inside the pipeline, on sentences of real articles.</summary>
public class EntityRecognizerTests
{
    private static (string Text, string Type)[] Mentions(AnalysedDocument document) =>
        document.Entities.Select(m => (document.Text.Substring(m.Span.Start, m.Span.Length), m.Type)).ToArray();

    [Fact]
    public void PrimeMinisterAndCityInASeedSentence()
    {
        var document = Samples.AnalyseText(
            "Un communiqué publié par le bureau du Premier ministre irakien Haider Al-Abadi indique que celui-ci a rencontré M. Carter à son bureau dans la zone verte à Bagdad.");
        var mentions = Mentions(document);
        Assert.Equal([("Haider Al-Abadi", "PER"), ("Carter", "PER"), ("Bagdad", "LOC")], mentions.Where(m => m.Text != "Premier").ToArray());
    }

    [Fact]
    public void TitleBeforeANameIsNotAName()
    {
        var document = Samples.AnalyseText("Le Premier ministre irakien Haider Al-Abadi a rencontré M. Carter à Bagdad.");
        Assert.Equal([("Haider Al-Abadi", "PER"), ("Carter", "PER"), ("Bagdad", "LOC")], Mentions(document));
    }

    [Fact]
    public void HyphenatedArabicNameAndPlaces()
    {
        var document = Samples.AnalyseText(
            "Au cours de sa visite, le chef du Pentagone s'est entretenu avec son homologue irakien Khalid al-Obeidi, et avec les commandants du ministère de la Défense à Bagdad, a indiqué le ministère dans un communiqué.");
        var mentions = Mentions(document);
        Assert.Contains(("Khalid al-Obeidi", "PER"), mentions);
        Assert.Contains(("Bagdad", "LOC"), mentions);
    }

    [Fact]
    public void MossoulTwiceInOneSentence()
    {
        var document = Samples.AnalyseText(
            "\"Cette réunion a également souligné l'importance de la coopération pour couper les lignes d'approvisionnement et de communication des groupes terroristes entre Mossoul et la Syrie, et pour offrir une couverture aérienne proche à nos forces à Mossoul\", indique le communiqué.");
        Assert.Equal([("Mossoul", "LOC"), ("Syrie", "LOC"), ("Mossoul", "LOC")], Mentions(document));
    }

    [Fact]
    public void AnAcronymInParenthesesIsANameAndIsFoundAgain()
    {
        var document = Samples.AnalyseText(
            "La situation s'est dégradée depuis juin 2014, quand des affrontements ont éclaté entre les forces irakiennes et les combattants de l'État islamique (EI).\n" +
            "L'EI a pris le contrôle de la ville de Mossoul.");
        var mentions = Mentions(document);
        Assert.Single(mentions, m => m.Text == "État islamique");
        Assert.Equal([("EI", "ORG"), ("EI", "ORG")], mentions.Where(m => m.Text == "EI").ToArray());
        Assert.Contains(("Mossoul", "LOC"), mentions);
    }

    [Fact]
    public void ANameGoesOnInLowerCaseToTheAcronymItsInitialsSpell()
    {
        var document = Samples.AnalyseText(
            "La veuve entend également se retourner contre l'Agence régionale de santé (ARS) de Bourgogne-Franche-Comté et le directeur de l'hôpital de Lons-le-Saunier, où son époux travaillait.\n" +
            "Pour Cécile Marcel, directrice de la section française de l'Observatoire international des prisons (OIP), la réforme \"ne suffira pas\".");
        var mentions = Mentions(document);
        Assert.Contains(("Agence régionale de santé", "ORG"), mentions);
        Assert.Contains(("Observatoire international des prisons", "ORG"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text is "Agence" or "Observatoire");
    }

    [Fact]
    public void CommanderAndCountryInAMilitiaSentence()
    {
        var document = Samples.AnalyseText(
            "Cette frappe a également tué Abu Mahdi al-Muhandis, le commandant adjoint des milices soutenues par l'Iran, connues sous le nom de Forces de mobilisation populaire.");
        var mentions = Mentions(document);
        Assert.Contains(("Abu Mahdi al-Muhandis", "PER"), mentions);
        Assert.Contains(("Iran", "LOC"), mentions);
    }

    [Fact]
    public void MilitiaNameWithLowerCaseWordsIsAnOrganisation()
    {
        var document = Samples.AnalyseText("Les milices soutenues par l'Iran sont connues sous le nom de Forces de mobilisation populaire.");
        Assert.Contains(("Forces de mobilisation populaire", "ORG"), Mentions(document));
    }

    [Fact]
    public void AnOrganisationNameEndsBeforeAVerb()
    {
        var document = Samples.AnalyseText("Selon lui, la Confédération des buralistes souhaite une baisse des taxes.");
        Assert.Contains(("Confédération des buralistes", "ORG"), Mentions(document));
    }

    [Fact]
    public void ACapitalisedCommonNounOpeningASentenceStartsNoName()
    {
        var document = Samples.AnalyseText("Forces de sécurité et manifestants se sont affrontés toute la nuit.");
        Assert.DoesNotContain(Mentions(document), m => m.Text.StartsWith("Forces", StringComparison.Ordinal));
    }

    [Fact]
    public void AFiguresUnitIsNoName()
    {
        // orangesum 313: the tagger made "Nm" (newton-metres) a place after each torque figure; the figures stage reads it as the unit.
        var document = Samples.AnalyseText(
            "Sous la carrosserie de ces deux berlines sportives on trouve une suspension revue partagée avec à la M8 Gran Coupé, ainsi qu'un bloc V8 4.4 litres "
            + "biturbo développant 600 ch et 750 Nm sur le modèle M5, et 625 ch et 750 Nm pour la version M5 Competition.");
        Assert.DoesNotContain(Mentions(document), m => m.Text.Contains("Nm", StringComparison.Ordinal));
        Assert.Contains(document.Quantities, q => q.Unit == "Nm" && q.Value == 750);
    }

    [Fact]
    public void ANameEndsWhereABulletOpensTheNextItem()
    {
        // orangesum 15148: "Laura Smet.• Johnny" was one name, and the one Johnny Hallyday's entity was shown by.
        var document = Samples.AnalyseText(
            "Des informations alarmantes sur son état de santé avaient déjà circulé les jours précédents, à la suite du message publié sur le compte Facebook de Laura Smet.• Johnny s'affiche détendu en Californie");
        var mentions = Mentions(document);
        Assert.Contains(("Laura Smet", "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains('•', StringComparison.Ordinal));
    }

    [Fact]
    public void TheSurnameOfAPersonNamedInFullIsThatPerson()
    {
        var document = Samples.Analyse("002_888d00f59fb284be.txt");
        var dunford = Mentions(document).Where(m => m.Text.EndsWith("Dunford", StringComparison.Ordinal)).ToArray();
        Assert.Contains(("Joe Dunford", "PER"), dunford);
        Assert.True(dunford.Length >= 3, $"{dunford.Length} mentions of Dunford");
        Assert.All(dunford, m => Assert.Equal("PER", m.Type));
    }

    [Fact]
    public void NothingIsTaggedOutsideContentAndTitleLines()
    {
        foreach (var file in Directory.GetFiles(Samples.Folder, "*.txt"))
        {
            var document = Samples.Analyse(Path.GetFileName(file));
            Assert.NotEmpty(document.Entities);
            foreach (var mention in document.Entities)
                Assert.Contains(document.LineAt(mention.Span.Start).Kind, new[] { LineKind.Content, LineKind.Title });
        }
    }

    [Fact]
    public void TheEnglishModelTagsAnEnglishSentence()
    {
        var document = Samples.AnalyseText("Barack Obama met Angela Merkel in Berlin on Monday to discuss the crisis in Ukraine.");
        Assert.Equal("en", document.Language);
        Assert.Equal([("Barack Obama", "PER"), ("Angela Merkel", "PER"), ("Berlin", "LOC"), ("Ukraine", "LOC")], Mentions(document));
    }
}
