using System.Text.Json;
using Dossier.Core.Clean;
using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>The layout model on real text: what surrounds an article's run of paragraphs is judged
/// by its shape, the run itself is kept.</summary>
public class LineLayoutTests
{
    [Fact]
    public void TheFormsAndRelatedStoriesAroundAScrapedArticleAreSetAsideItsParagraphsKept()
    {
        var document = Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "aclu.org-grades.txt"))), "aclu.org-grades.txt");

        // The authors' lines under the headline, the newsletter form and the related stories' links.
        int[] furniture = [4, 5, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39];
        Assert.All(furniture, n => Assert.StartsWith("layout (", document.Lines[n - 1].Reason));
        Assert.All(furniture, n => Assert.Equal(LineKind.Boilerplate, document.KindOf(n)));
        Assert.Equal("Sign Up For Breaking News Alerts", document.LineText(23));
        Assert.Equal("Police Divestment Efforts Must Include Universities", document.LineText(35));
        // Lines 12-19 are the article, as labelled by hand.
        Assert.All(Enumerable.Range(12, 8), n => Assert.Equal(LineKind.Content, document.KindOf(n)));
    }

    [Fact]
    public void AShortClosingSentenceAfterTheLastParagraphStaysInTheArticle()
    {
        var document = Samples.Analyse("004_49e0df675a038899.txt");

        Assert.Equal("Le New York Times a d'abord signalé la reprise des opérations militaires conjointes.", document.LineText(30));
        Assert.Equal(LineKind.Content, document.KindOf(30));
    }

    [Fact]
    public void ACleanArticleGivenAsOneParagraphKeepsItsText()
    {
        using var corpus = File.OpenText(SharedData.PathOf("corpus-fr/orangesum-5k.jsonl"));
        var article = JsonDocument.Parse(corpus.ReadLine()!).RootElement.GetProperty("article").GetString()!;

        var document = Samples.AnalyseText(article);

        Assert.Equal([LineKind.Content], document.Lines.Select(l => l.Kind));
    }

    [Fact]
    public void AModelFileMissingAWeightIsRefusedByName()
    {
        var rows = LineLayout.Names.Skip(1).Select((name, i) => (i + 2, $"{name}\t0.5")).Prepend((1, "bias\t-1")).ToList();

        var error = Assert.Throws<InvalidDataException>(() => LogisticModel.Read(rows, "common/line-layout.tsv", LineLayout.Names));

        Assert.Equal("common/line-layout.tsv: no weight for length", error.Message);
    }

    [Fact]
    public void AModelFileRowThatIsNotAWeightIsRefusedWithItsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => LogisticModel.Read([(7, "length\tlong")], "common/line-layout.tsv", LineLayout.Names));

        Assert.Equal("common/line-layout.tsv:7: expected 'feature<TAB>weight', got 'length\tlong'", error.Message);
    }
}
