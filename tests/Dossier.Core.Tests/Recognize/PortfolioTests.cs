using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Government portfolios and acronyms of common nouns in orangesum articles: neither names
/// anyone on its own, and neither may swallow the name beside it.</summary>
public class PortfolioTests
{
    private static (string Text, string Type)[] Mentions(string id)
    {
        var document = Assert.Single(Orangesum.Articles(id)).Document;
        return document.Entities.Select(m => (document.Text.Substring(m.Span.Start, m.Span.Length), m.Type)).ToArray();
    }

    [Fact]
    public void AMinistersPortfolioIsNoNameAndTheNameGluedToItIsThePerson()
    {
        // 28237: "a aussi fustigé la ministre des Armées Florence Parly." The tagger read
        // "Armées Florence Parly" as one organisation.
        var mentions = Mentions("28237");
        Assert.Contains(("Florence Parly", "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Armées", StringComparison.Ordinal));
    }

    [Fact]
    public void PortfoliosOfTwoMinistersNamedInOneSentenceLeaveTheirNames()
    {
        // 18666: "Le ministre de l'Agriculture et de l'Alimentation Didier Guillaume et la ministre de
        // la Cohésion des territoires Jacqueline Gourault ont été pris à partie".
        var mentions = Mentions("18666");
        Assert.Contains(("Didier Guillaume", "PER"), mentions);
        Assert.Contains(("Jacqueline Gourault", "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Agriculture", StringComparison.Ordinal) || m.Text.Contains("Cohésion", StringComparison.Ordinal));
    }

    [Fact]
    public void AMinistryIsOneOrganisationWithItsPortfolio()
    {
        // 24215: "Le ministère de la Transition écologique et solidaire a indiqué vendredi 14 juin".
        var mentions = Mentions("24215");
        Assert.Contains(("ministère de la Transition écologique et solidaire", "ORG"), mentions);
        Assert.DoesNotContain(("Transition", "ORG"), mentions);
    }

    [Fact]
    public void AnAcronymDeclaredForWordsInLowerCaseIsNoName()
    {
        // 26026: "dans l'usage des lanceurs de balles de défense (LBD) samedi 16 mars".
        Assert.DoesNotContain(Mentions("26026"), m => m.Text == "LBD");
    }

    [Fact]
    public void AWordInsideAPortfolioOfSeveralWordsIsNoName()
    {
        // 28355: "confirmée par le ministre de l'Action et des Comptes publics, Gérald Darmanin".
        var mentions = Mentions("28355");
        Assert.Contains(("Gérald Darmanin", "PER"), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Comptes", StringComparison.Ordinal));
    }

    [Fact]
    public void AMinistersPortfolioStaysNoNameWhenItsWordIsTaggedElsewhereInTheArticle()
    {
        // 16388: "j'ai organisé des réunions avec la ministre de la Santé, le directeur général de la Santé, à
        // Matignon"; "a souligné l'ancienne ministre de la Santé". "Santé" tagged after "directeur général" was
        // spread to every "Santé" of the article; it is now a word of that role phrase (fr/roles.tsv), no name either.
        Assert.DoesNotContain(Mentions("16388"), m => m.Text == "Santé");
        // 4735: "a lancé l'ex-ministre de la Santé aux têtes de liste"; 33673: "Le ministre allemand de la Santé".
        Assert.DoesNotContain(Mentions("4735"), m => m.Text.Contains("Santé", StringComparison.Ordinal));
        Assert.DoesNotContain(Mentions("33673"), m => m.Text.Contains("Santé", StringComparison.Ordinal));
    }
}
