using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>What surrounds a blog post in scraped text: the reader comment thread after it (a
/// commenter who "says:", the comment's time, "Reply"), a list of other posts before it (lemire.me,
/// a saved page written out as a scraper writes text).</summary>
public class ReaderCommentTests
{
    private static readonly AnalysedDocument Page =
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "lemire.me.json.txt"))), "lemire.me.json.txt");

    [Theory]
    [InlineData(22)] // "Are 64-bit random identifiers free from collision?", a recent post in the sidebar
    [InlineData(75)] // "5 thoughts on “JSON parsing: simdjson vs. JSON for Modern C++”"
    [InlineData(76)] // "degski says:"
    [InlineData(78)] // "Thanks, for posting this."
    [InlineData(80)] // "Reply"
    [InlineData(87)] // "We are working toward releasing version 0.2 on vcpkg."
    public void SidebarListsAndTheCommentThreadAreNotTheArticle(int line) =>
        Assert.NotEqual(LineKind.Content, Page.KindOf(line));

    [Fact]
    public void ThePostsParagraphsAreContent()
    {
        Assert.StartsWith("JSON is the ubiquitous data format on the Internet.", Page.LineText(50), StringComparison.Ordinal);
        Assert.All(Enumerable.Range(50, 3), n => Assert.Equal(LineKind.Content, Page.KindOf(n)));
    }
}

/// <summary>The same in French (blog.mondediplo.net): a "read also" link inside the text, then the
/// comment count that opens the readers' thread, each comment a name, a time and its text.</summary>
public class FrenchReaderCommentTests
{
    private static readonly AnalysedDocument Page =
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", "blog.mondediplo.net.turpitude.txt"))), "blog.mondediplo.net.turpitude.txt");

    [Fact]
    public void AReadAlsoLinkInsideTheTextIsNotTheArticle()
    {
        Assert.StartsWith("Lire aussi Martine Bulard", Page.LineText(25), StringComparison.Ordinal);
        Assert.Equal(LineKind.Boilerplate, Page.KindOf(25));
        Assert.Equal(LineKind.Content, Page.KindOf(26));
    }

    [Fact]
    public void EverythingFromTheCommentCountOnIsTheThread()
    {
        Assert.Equal("27 commentaires", Page.LineText(57));
        Assert.All(Enumerable.Range(57, 24).Where(n => Page.KindOf(n) != LineKind.Blank), n => Assert.Equal(LineKind.Boilerplate, Page.KindOf(n)));
        Assert.StartsWith("La Corée du Sud n est pas un modèle de démocratie", Page.LineText(61), StringComparison.Ordinal);
    }
}

/// <summary>A comment thread known by its rhythm alone (internet-law.de, a saved page written out as
/// a scraper writes text): each comment closes with its stamp, "Comment by Mirko Lange — 17.07, 2011
/// @ 13:04", every line or few. No word of it says "comment" in the page's language.</summary>
public class CommentThreadRhythmTests
{
    private static AnalysedDocument Scraped(string name) =>
        Samples.AnalyseText(File.ReadAllText(InputFiles.Fixture(Path.Combine("scraped", name))), name);

    [Fact]
    public void TheCommentsAndTheirStampsAreNotTheArticle()
    {
        var page = Scraped("internet-law.de.pseudonymen.txt");

        Assert.All(Enumerable.Range(5, 6), n => Assert.Equal(LineKind.Content, page.KindOf(n)));
        // The first comment, above its stamp, to the last of the excerpt.
        Assert.StartsWith("Also im Klartext:", page.LineText(14), StringComparison.Ordinal);
        Assert.Equal("Comment by Mirko Lange — 17.07, 2011 @ 13:04", page.LineText(15));
        Assert.All(Enumerable.Range(14, 27), n => Assert.Equal(LineKind.Boilerplate, page.KindOf(n)));
        Assert.Equal("2011-07-17", page.Metadata.Published!.Value[..10]);
    }

    /// <summary>elnuevoherald.com: "El ‘tesoro dulce argentino’ …" over "02 de febrero de 2022 12:02 PM"
    /// (line 13), three other articles' teasers among the article's paragraphs.</summary>
    [Theory]
    [InlineData(14)]
    [InlineData(19)]
    [InlineData(25)]
    [InlineData(29)]
    [InlineData(35)]
    public void OtherArticlesTeasersWithTheirTimesBetweenTheParagraphsAreNoThread(int paragraph) =>
        Assert.Equal(LineKind.Content, Scraped("elnuevoherald.com-miami.txt").KindOf(paragraph));
}
