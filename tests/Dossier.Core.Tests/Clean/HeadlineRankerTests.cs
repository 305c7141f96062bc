using Dossier.Core.Clean;
using Dossier.Core.Describe;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>The headline ranker's candidates and features on real scraped text (excerpts of saved
/// pages, see Fixtures/Inputs/scraped/README.md), and its model file.</summary>
public class HeadlineRankerTests
{
    private static readonly LineClassifier Classifier = new(LinePatternMatcher.Default, DateTextParser.Default, LineLayout.Model, headlines: null);

    private static (string[] Texts, Model.LineKind[] Kinds, List<(int Line, float[] Features)> Candidates) Read(string name)
    {
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", name))), name);
        var (texts, kinds) = Classifier.LinesBeforeHeadline(document);
        return (texts, kinds, HeadlineFinder.Candidates(texts, kinds, Classifier.IsStamp));
    }

    private static float Feature(float[] features, string name) => features[HeadlineFinder.Names.ToList().IndexOf(name)];

    [Fact]
    public void TheHeadlineIsACandidateEchoedByTheParagraphsWithItsBylineBelow()
    {
        var (texts, _, candidates) = Read("threatpost.com.android.txt");

        var headline = candidates.Single(c => c.Line == 13).Features;
        Assert.Equal("Android Ransomware Spreads Via ‘Sex Simulation Game’ Links on Reddit, SMS", texts[13]);
        Assert.Equal(0.0f, Feature(headline, "paragraphs_above"));
        Assert.Equal(1f, Feature(headline, "metadata_below"));
        Assert.Equal(1f, Feature(headline, "headline_shaped"));
        // Its seven words of four letters or more are all in the three paragraphs after it.
        Assert.Equal(1f, Feature(headline, "echo"));
    }

    [Fact]
    public void AModelWeighingTheEchoAloneChoosesTheBestEchoedLineNotTheLinksAboveIt()
    {
        var (texts, kinds, _) = Read("threatpost.com.android.txt");
        var rows = HeadlineFinder.Names.Select((name, i) => (i + 2, $"{name}\t{(name == "echo" ? 10 : 0)}")).Prepend((1, "bias\t0")).ToList();
        var model = LogisticModel.Read(rows, "common/headline.tsv", HeadlineFinder.Names)!;

        var chosen = HeadlineFinder.Find(texts, kinds, Classifier.IsStamp, model);

        // The links to the previous and next articles above it share fewer words with the paragraphs.
        Assert.Equal(13, chosen);
    }

    [Theory]
    // "You are here:Home » Travel » Nam Nghi Phu Quoc, The Unbound Collection by Hyatt Officially Opens"
    // over the headline; "Tarnkappe.info > Artikel > Empfehlungen > Black Friday Deal jetzt schon
    // sichern: …" three lines over it. The path says the headline's words and more.
    [InlineData("luxuryhaven.co.hyatt.txt", 13, 15)]
    [InlineData("tarnkappe.info-Black.txt", 14, 17)]
    public void TheShippedRankerChoosesTheHeadlineNotTheBreadcrumbEndingWithIt(string name, int breadcrumb, int headline)
    {
        var (texts, kinds, candidates) = Read(name);

        Assert.DoesNotContain(candidates, c => c.Line == breadcrumb);
        Assert.Equal(1f, Feature(candidates.Single(c => c.Line == headline).Features, "ends_a_path"));
        Assert.Equal(headline, HeadlineFinder.Find(texts, kinds, Classifier.IsStamp, HeadlineFinder.Model!));
    }

    [Theory]
    // "Despite everything, U.S. emissions dipped in 2019" over "Coal has been in a slow-motion death
    // spiral over the past ten years", which a paragraph repeats word for word; "Adolescente
    // encontrada morta em vala estava grávida de 3 meses, confirma irmã" over "Gestação era
    // mantida em segredo pela vítima e a irmã".
    [InlineData("salon.com.emissions.txt", 10, 11)]
    [InlineData("campograndenews.com.br-adolescente.txt", 13, 14)]
    public void TheShippedRankerChoosesTheHeadlineOverItsStandfirst(string name, int headline, int standfirst)
    {
        var (texts, kinds, candidates) = Read(name);

        Assert.Equal(1f, Feature(candidates.Single(c => c.Line == standfirst).Features, "echoed_shaped_above"));
        Assert.Equal(headline, HeadlineFinder.Find(texts, kinds, Classifier.IsStamp, HeadlineFinder.Model!));
    }

    [Fact]
    public void AModelFileMissingAWeightIsRefusedByName()
    {
        var rows = HeadlineFinder.Names.Where(name => name != "echo").Select((name, i) => (i + 2, $"{name}\t0.5")).Prepend((1, "bias\t-1")).ToList();

        var error = Assert.Throws<InvalidDataException>(() => LogisticModel.Read(rows, "common/headline.tsv", HeadlineFinder.Names));

        Assert.Equal("common/headline.tsv: no weight for echo", error.Message);
    }
}
