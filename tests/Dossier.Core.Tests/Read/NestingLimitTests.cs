using Dossier.Core.Read.Html;

namespace Dossier.Core.Tests.Read;

public class NestingLimitTests
{
    private static string Times(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));

    [Fact]
    public void TagsDeeperThanTheLimitAreLeftOutWithTheirEndTagsAndTheirTextKept()
    {
        const int limit = NestingLimit.MaxDepth;
        var page = Times("<div>", limit) + "<span\nclass=\"a\">au fond <b>gras</b></span>" + Times("</div>", limit) + "<p>après</p>";

        var limited = NestingLimit.Apply(page, out var deepest);

        Assert.Equal(limit + 2, deepest);
        // The line break inside the tag left out stays, so that source lines still match.
        Assert.Equal(Times("<div>", limit) + "\nau fond gras" + Times("</div>", limit) + "<p>après</p>", limited);
    }

    [Fact]
    public void ElementsThatDoNotNestAreNotCounted()
    {
        // Closed by the parser (li, p), void (br, img), closed by "/>" in SVG, and a script's text.
        var page = "<ul><li>un<li>deux</ul><p>a<p>b<br><img src=\"x>y\"><svg><path d='M0'/><path/></svg><script>var s = '<div><div>';</script>"
                   + Times("<li>", 1000) + Times("<p>", 1000);

        Assert.Same(page, NestingLimit.Apply(page, out var deepest));
        Assert.Equal(1, deepest);
    }

    [Fact]
    public void EndTagsThatCloseNothingAndSelfClosingDivsStillNest()
    {
        // As a parser reads them: "</span>" with no open span is ignored, "<div/>" opens a div.
        var page = Times("<div></span>", 300) + "x" + Times("<div/>", 300);

        var limited = NestingLimit.Apply(page, out var deepest);

        Assert.Equal(600, deepest);
        Assert.Equal(Times("<div></span>", NestingLimit.MaxDepth) + "x", limited);
    }
}
