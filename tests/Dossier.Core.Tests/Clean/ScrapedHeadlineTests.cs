using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>Headlines of pages written out as scraped text, menus and sidebars first (excerpts of
/// saved pages, see Fixtures/Inputs/scraped/README.md).</summary>
public class ScrapedHeadlineTests
{
    private static AnalysedDocument Scraped(string name) =>
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", name))), name);

    [Fact]
    public void TheHeadlineIsTheLineTheFirstParagraphsEchoNotAnotherArticlesLink()
    {
        var document = Scraped("threatpost.com.android.txt");

        Assert.Equal("Android Ransomware Spreads Via ‘Sex Simulation Game’ Links on Reddit, SMS", document.Metadata.Title!.Value);
        Assert.Equal(14, document.Metadata.Title.Line);
        // The previous and next article's links above it are the page's header.
        Assert.Equal(LineKind.Boilerplate, document.KindOf(12));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(13));
        // "Write a comment" under the headline does not end the article.
        Assert.Equal(LineKind.Boilerplate, document.KindOf(18));
        Assert.Equal(LineKind.Content, document.KindOf(20));
        Assert.Equal(LineKind.Content, document.KindOf(24));
    }

    [Fact]
    public void APhotoCaptionAfterTheHeadlineIsNotTheHeadline()
    {
        var document = Scraped("nowgrenada.com-pm.txt");

        Assert.Equal("PM attends financial access roundtable in Barbados", document.Metadata.Title!.Value);
        Assert.Equal(17, document.Metadata.Title.Line);
        Assert.Equal(LineKind.Content, document.KindOf(23));
    }

    [Fact]
    public void TheHeadlineIsTheLineItsBylineFollowsNotANewsletterOfferItsBlurbEchoes()
    {
        // Line 27, "Get Tone Deaf to your inbox daily", is echoed by its blurb as much as the headline by its paragraphs.
        var document = Scraped("tonedeaf.thebrag.com.luboku.txt");

        Assert.Equal("Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’", document.Metadata.Title!.Value);
        Assert.Equal(30, document.Metadata.Title.Line);
        Assert.Equal(LineKind.Metadata, document.KindOf(32)); // "By Poppy Reid"
        Assert.Equal("2020-02-21", document.Metadata.Published!.Value);
    }

    [Fact]
    public void AHeadlineItsParagraphsSayOtherwiseIsFoundByItsBylineNotARelatedLinkBelow()
    {
        // The headline shares one word in eight with the first paragraphs; the related links after
        // the article are each echoed by their own blurb.
        var document = Scraped("latimes.com.bloomberg.txt");

        Assert.Equal("As his first debate nears, Bloomberg is having to answer about his past", document.Metadata.Title!.Value);
        Assert.Equal(12, document.Metadata.Title.Line);
        Assert.Equal(LineKind.Metadata, document.KindOf(15)); // "By Evan HalperStaff Writer"
        Assert.Equal("2020-02-19", document.Metadata.Published!.Value);
        Assert.Equal("Court: Florida can’t bar felons from vote over fines, fees", document.LineText(86));
        Assert.NotEqual(LineKind.Title, document.KindOf(86));
    }

    [Fact]
    public void ABylineGivingItsDateAfterTheNameMarksTheHeadlineAboveIt()
    {
        // Line 18, a photo's title, is echoed by the paragraphs more than the headline is.
        var document = Scraped("metrotimes.com-Mezcal.txt");

        Assert.Equal("Detroit’s Mezcal restaurant goes beyond familiar Mexican fare", document.Metadata.Title!.Value);
        Assert.Equal(8, document.Metadata.Title.Line);
        Assert.Equal(LineKind.Metadata, document.KindOf(10)); // "By Jane Slaughter on Thu, Nov 9, 2023 at 4:00 am"
        Assert.Equal("Jane Slaughter", document.Metadata.Author!.Value);
        Assert.Equal("2023-11-09T04:00", document.Metadata.Published!.Value);
    }

    [Fact]
    public void AShortParagraphBetweenTheArticlesParagraphsIsContent()
    {
        var document = Scraped("knowtechie.com.rally.txt");

        Assert.Equal("Rocket Pass 4 in Rocket League brings with it a new rally-inspired car", document.Metadata.Title!.Value);
        Assert.Equal("Check out the reveal trailer for Rocket League’s new Rocket Pass", document.LineText(35));
        Assert.Equal(LineKind.Content, document.KindOf(35));
    }

    [Fact]
    public void AHeadlineAboveItsStandfirstIsTheHeadlineThoughTheParagraphsEchoTheStandfirstMore()
    {
        // Line 12, the standfirst, is repeated word for word by a paragraph; the headline shares
        // one word in five with the paragraphs.
        var document = Scraped("salon.com.emissions.txt");

        Assert.Equal("Despite everything, U.S. emissions dipped in 2019", document.Metadata.Title!.Value);
        Assert.Equal(11, document.Metadata.Title.Line);
        Assert.Equal("2020-01-10T09:00", document.Metadata.Published!.Value);
    }

    [Fact]
    public void AStandfirstBetweenTheHeadlineAndItsBylineIsNotTheHeadline()
    {
        // Lines 6 to 11 link other articles, line 7 the same one as the headline.
        var document = Scraped("campograndenews.com.br-adolescente.txt");

        Assert.Equal("Adolescente encontrada morta em vala estava grávida de 3 meses, confirma irmã", document.Metadata.Title!.Value);
        Assert.Equal(14, document.Metadata.Title.Line);
        Assert.Equal("Gestação era mantida em segredo pela vítima e a irmã", document.LineText(15));
        Assert.Equal(LineKind.Metadata, document.KindOf(16)); // "Por Adriano Fernandes | 03/05/2022 20:36"
        Assert.Equal(LineKind.Boilerplate, document.KindOf(17)); // "Luana Yasmin Gonçalves da Silva. (Foto: Direto das Ruas)"
    }

    [Fact]
    public void ABylineSplitUnderItsLabelsIsMetadataAndMarksTheHeadlineAboveIt()
    {
        // "By" / "Todd Bates" / "Date" / "February 5, 2020", then the standfirst.
        var document = Scraped("rutgers.edu.robot.txt");

        Assert.Equal("New Robot Does Superior Job Sampling Blood", document.Metadata.Title!.Value);
        Assert.Equal(14, document.Metadata.Title.Line);
        for (var line = 15; line <= 18; line++) Assert.Equal(LineKind.Metadata, document.KindOf(line));
        Assert.Equal("2020-02-05", document.Metadata.Published!.Value);
    }

    [Fact]
    public void APhotoCaptionEndingInItsCreditIsNotTheHeadline()
    {
        var document = Scraped("scmp.com.playbook.txt");

        Assert.Equal(LineKind.Boilerplate, document.KindOf(1)); // "… in the run-up to the presidential election. Photo: AP"
        Assert.Equal("Taiwanese President Tsai Ing-wen’s political playbook should be essential reading for Hong Kong leader Carrie Lam", document.Metadata.Title!.Value);
        Assert.Equal(5, document.Metadata.Title.Line);
    }

    [Fact]
    public void TheDateAboveAHeadlineMarksItAsTheBylineUnderItDoes()
    {
        // A blog post: its date line first, then its headline; the next post's headline (line 11) is
        // echoed by its own paragraph as much.
        var document = Scraped("boingboing.net.millenials.txt");

        Assert.Equal(LineKind.Metadata, document.KindOf(1)); // "/ Cory Doctorow / 10:08 am Fri Jul 19, 2013"
        Assert.Equal("Hating Millennials - the prejudice you're allowed to boast about", document.Metadata.Title!.Value);
        Assert.Equal(2, document.Metadata.Title.Line);
        Assert.NotEqual(LineKind.Title, document.KindOf(11));
    }

    [Fact]
    public void AMenuLineOfTwoWordsTheArticleEchoesIsNotTheHeadlineNorIsTheBreadcrumbEndingWithIt()
    {
        // "Chercheur ou Enseignant-Chercheur" (line 137), a menu item, has both its words in the
        // article's paragraphs; the headline has three words of its five there.
        var document = Scraped("psl.eu.luniversite.txt");

        Assert.Equal("L’Université PSL : quand les grandes écoles font université", document.Metadata.Title!.Value);
        Assert.Equal(141, document.Metadata.Title.Line);

        var hyatt = Scraped("luxuryhaven.co.hyatt.txt");

        Assert.Equal("Nam Nghi Phu Quoc, The Unbound Collection by Hyatt Officially Opens", hyatt.Metadata.Title!.Value);
        Assert.Equal(16, hyatt.Metadata.Title.Line);
        Assert.NotEqual(LineKind.Title, hyatt.KindOf(14)); // "You are here:Home » Travel » Nam Nghi Phu Quoc, The Unbound Collection by Hyatt Officially Open"
    }

    /// <summary>A line of three words just above the headline, which the paragraphs echo as much,
    /// is its kicker or section, not the headline though it comes first.</summary>
    [Theory]
    [InlineData("tarnkappe.info-Black.txt", "Black Friday Deal jetzt schon sichern: hide.me senkt kurzfristig die Preise!", 18)] // under "Black Friday Week"
    [InlineData("chip.de.beef.txt", "Beef Maker von Aldi im Test", 20)] // under "Essen & Trinken"
    public void AShortKickerAboveTheHeadlineIsNotTheHeadline(string name, string headline, int line)
    {
        var document = Scraped(name);

        Assert.Equal((headline, line), (document.Metadata.Title!.Value, document.Metadata.Title.Line));
    }

    [Fact]
    public void APathToTheHeadlineWithoutSeparatorsIsNotTheHeadline()
    {
        var document = Scraped("mesopinions.com.mutilation.txt");

        Assert.StartsWith("Accueil Pétitions Art-culture Non à la mutilation", document.LineText(43));
        Assert.Equal(45, document.Metadata.Title!.Line);
        Assert.StartsWith("Non à la mutilation du choeur de Radio France", document.Metadata.Title.Value);
    }

    [Fact]
    public void AHeadlineOpeningWithALowQuotationMarkIsAHeadline()
    {
        var document = Scraped("wolfgangschmale.eu.duchhardt.txt");

        Assert.Equal(("„Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt", 10), (document.Metadata.Title!.Value, document.Metadata.Title.Line));
    }

    [Fact]
    public void AHeadlineWhoseParagraphsComeAfterThreeShareBarsIsFound()
    {
        var document = Scraped("agrarheute.com.abfallholz.txt");

        Assert.Equal(("Heizen mit Abfallholz: Mit dieser Erfindung funktioniert es", 3), (document.Metadata.Title!.Value, document.Metadata.Title.Line));
    }

    [Fact]
    public void ALineOfTheSitesNameAndCategoriesAboveTheHeadlineIsNotItsHeadline()
    {
        // "Raptastisch Allgemein Diss Information": the menu's items "Raptastisch", "Allgemein",
        // "Diss" and "Information" printed one per line above, then again on one line over the headline.
        var document = Scraped("Raptastisch.net-Seitenhieb.txt");

        Assert.Equal(("Bushido antwortet auf Seitenhieb von Azad und erklärt ihn für „finished“", 10), (document.Metadata.Title!.Value, document.Metadata.Title.Line));
    }

    [Fact]
    public void AHeadlineInCapitalsIsNoStandfirstOfTheLineAboveIt()
    {
        var document = Scraped("bahamaslocal.com-atlantis.txt");

        Assert.Equal("Welcome to Bahamas Local, Your Bahamas Online Search Engine", document.LineText(21));
        Assert.Equal(("ATLANTIS PARADISE ISLAND AND DOLPHIN CAY DONATES MEDICAL SUPPLIES TO BAARK", 22), (document.Metadata.Title!.Value, document.Metadata.Title.Line));
    }

    [Fact]
    public void ALongHeadlineUnderItsBreadcrumbPaysForNoParagraphAboveIt()
    {
        // Line 35 is the breadcrumb, "Startseite > … > [Windows Expertenwissen] Per Update …", and
        // the headline is over 100 characters long: neither is a paragraph of text above the headline,
        // so the menu item "Microsoft / Windows" (line 12), which the paragraphs echo whole, does not win.
        var document = Scraped("chabermu.wordpress.com.expertenwissen.txt");

        Assert.Equal(36, document.Metadata.Title!.Line);
        Assert.StartsWith("[Windows Expertenwissen] Per Update spioniert Microsoft", document.Metadata.Title.Value, StringComparison.Ordinal);
        Assert.Equal("2015-09-02", document.Metadata.Published!.Value[..10]);
    }

    [Fact]
    public void AHeadlineOfTwoWordsIsFoundRightOverItsDate()
    {
        // "Mein alter Blog", the first headline-shaped line, is the blog's link to its older home.
        var document = Scraped("weselpower.wordpress.com.monstergesprche.txt");

        Assert.Equal("Monstergespräche #1", document.Metadata.Title!.Value);
        Assert.Equal(9, document.Metadata.Title.Line);
        Assert.Equal("2009-12-23", document.Metadata.Published!.Value[..10]);
    }

    [Fact]
    public void AHeadlineOfTwoWordsIsFoundRightUnderItsDate()
    {
        // "Eingestellt von der Michel um 21:11", the post's footer, is echoed by the paragraphs above it.
        var document = Scraped("bumsbutzener-gumpfen.blogspot.com.tach-auch.txt");

        Assert.Equal("Tach auch!", document.Metadata.Title!.Value);
        Assert.Equal(4, document.Metadata.Title.Line);
        Assert.Equal("2020-04-28", document.Metadata.Published!.Value[..10]);
    }

    [Fact]
    public void ASectionsNameOfOneWordUnderTheDateIsNoHeadline()
    {
        var document = Scraped("github.blog.spiceland.txt");

        Assert.Equal("Community", document.LineText(32).Trim());
        Assert.Equal("Leader spotlight: Erin Spiceland", document.Metadata.Title!.Value);
        Assert.Equal(33, document.Metadata.Title.Line);
    }

    [Fact]
    public void AHeadlineOfTwoWordsIsFoundOverItsStampOfAnyKind()
    {
        // The stamp, "11.09.2011, 16:20 von jovelstefan", has too many words beside its date for a date line.
        var document = Scraped("jovelstefan.de.gefallt.txt");

        Assert.Equal("Gefällt mir", document.Metadata.Title!.Value);
        Assert.Equal(8, document.Metadata.Title.Line);
        Assert.Equal(LineKind.Content, document.KindOf(10));
    }
}
