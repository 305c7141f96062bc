using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>An article that is a numbered list of short lines (redtri.com's 317 jokes for kids: a
/// question, its answer, the child who told it), which their shape alone reads as page furniture.</summary>
public class NumberedListTests
{
    private static readonly AnalysedDocument Page =
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "redtri.com.jokes.txt"))), "redtri.com.jokes.txt");

    [Theory]
    [InlineData(14)] // "1. What do you call an ant who fights crime?"
    [InlineData(15)] // "A vigilante!"
    [InlineData(16)] // "—Joe L., age 10"
    [InlineData(24)] // "Between us, something smells!"
    [InlineData(32)] // "Because the teacher told him it was a piece of cake!"
    public void TheListsItemsAreTheArticle(int line) =>
        Assert.Equal(LineKind.Content, Page.KindOf(line));

    [Fact]
    public void TheLinesAroundTheListKeepTheirKinds()
    {
        Assert.Equal("Here Comes the Pun: 317 Jokes for Kids", Page.Metadata.Title!.Value);
        Assert.Equal(LineKind.Metadata, Page.KindOf(13)); // "photo: khamkhor via Pixabay"
        Assert.Equal(LineKind.Duplicate, Page.KindOf(30)); // "—Yuna, age 8" again
    }
}
