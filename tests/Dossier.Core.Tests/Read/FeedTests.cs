using Dossier.Core.Read;
using Dossier.Core.Read.Feeds;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Read;

public class FeedTests
{
    [Fact]
    public void RssItemsBecomeDocumentsWithTheirMetadata()
    {
        var items = InputFiles.Read(InputFiles.Fixture("actualites.rss"));
        var documents = items.Documents();

        Assert.Equal(3, documents.Count);
        var first = documents[0];
        Assert.Equal("feed", first.Format);
        Assert.Equal("actualites.rss#1", Path.GetFileName(first.Path));
        Assert.Equal("Le Pentagone annonce l'envoi de 560 soldats supplémentaires en Irak", first.Hints.Title);
        Assert.Equal("https://journal.example/2016/07/11/irak-soldats", first.Hints.Url);
        Assert.Equal("2016-07-11T18:56:00+02:00", first.Hints.Published);
        Assert.Equal("Marie Dupont", first.Hints.Author);
        Assert.Equal("Le Pentagone annonce l'envoi de 560 soldats supplémentaires en Irak\n" +
                     "Le secrétaire américain à la Défense, Ashton Carter, a annoncé lundi à Bagdad l'envoi de 560 soldats supplémentaires.\n" +
                     "Ils doivent aider les forces irakiennes à reprendre Mossoul.", first.Text);
        // A date in words is left to the Describe stage, which reads French dates.
        Assert.Equal("samedi 9 juillet 2016", documents[1].Hints.Published);
        Assert.Equal("2016-07-09", InputFiles.Analyse(documents[1]).Metadata.Published!.Value);
        // An item that only points to its page is kept as a short document.
        Assert.Equal("Attentat à Bagdad : le bilan s'alourdit", documents[2].Text);
        Assert.Equal("2016-07-04T08:00:00Z", documents[2].Hints.Published);
        Assert.Empty(items.Problems());
    }

    [Fact]
    public void AtomEntriesBecomeDocumentsWithTheirZones()
    {
        var documents = InputFiles.Read(InputFiles.Fixture("actualites.atom")).Documents();

        Assert.Equal(2, documents.Count);
        Assert.Equal("https://news.example/2016/04/18/carter-baghdad", documents[0].Hints.Url);
        Assert.Equal("2016-04-18T09:10:00-04:00", documents[0].Hints.Published);
        Assert.Equal("John Smith", documents[0].Hints.Author);
        Assert.Equal("Carter arrives in Baghdad to discuss the fight against ISIS\nUS Defense Secretary Ashton Carter arrived in Baghdad on Monday.\nHe met Prime Minister Haider al-Abadi.", documents[0].Text);
        Assert.Equal("Troop numbers in Iraq to rise to 4,100\nSome 200 more soldiers will be sent.", documents[1].Text);
        Assert.Equal("2016-04-18T16:30:00Z", documents[1].Hints.Published);
        var analysed = InputFiles.Analyse(documents[0]);
        Assert.Equal("2016-04-18T09:10", analysed.Metadata.Published!.Value);
        Assert.Equal("2016-04-18T09:10:00-04:00", analysed.Metadata.Published.Text);
    }

    [Fact]
    public void InvalidDateAndBrokenXmlAreReportedAndEarlierItemsKept()
    {
        var items = InputFiles.Read(InputFiles.Fixture("broken-after-two.rss"));

        Assert.Equal(["Premier article lisible", "Deuxième article lisible"], items.Documents().Select(d => d.Hints.Title));
        Assert.Null(items.Documents()[1].Hints.Published);
        var problems = items.Problems();
        Assert.Equal(2, problems.Count);
        Assert.Equal("broken-after-two.rss", Path.GetFileName(problems[0].Path));
        Assert.Equal("item 2", problems[0].Record);
        Assert.Equal("invalid date 'Tue, 31 Apr 2016 09:10:00 +0200'; the item is kept without a date", problems[0].Message);
        Assert.Equal(ProblemSeverity.Error, problems[1].Severity);
        Assert.Equal("after item 2", problems[1].Record);
        Assert.StartsWith("malformed feed, reading stopped: line 16, position 38:", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedsAndArchivesAreRecognisedByContentWhateverTheirNames()
    {
        var folder = InputFiles.ScratchFolder();
        File.Copy(InputFiles.Fixture("actualites.rss"), Path.Combine(folder, "export.xml"));
        File.Copy(InputFiles.Fixture("actualites.atom"), Path.Combine(folder, "news.txt"));
        File.Copy(InputFiles.Fixture("journal.warc.gz"), Path.Combine(folder, "crawl.bin"));

        var documents = InputFiles.Read(folder).Documents();

        // Pages from an archive are HTML documents; feed items are feed documents.
        Assert.Equal(["html", "html", "feed", "feed", "feed", "feed", "feed"], documents.Select(d => d.Format));
        Assert.Equal(["crawl.bin#3", "crawl.bin#5", "export.xml#1", "export.xml#2", "export.xml#3", "news.txt#1", "news.txt#2"], documents.Select(d => d.Path));
    }

    [Fact]
    public void ItemsOverTheSizeLimitAreSkippedWhateverHoldsTheirText()
    {
        var folder = InputFiles.ScratchFolder();
        var path = Path.Combine(folder, "limite.rss");
        string Item(string title, string content) => $"<item><title>{title}</title>{content}</item>\n";
        File.WriteAllText(path, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n"
            + Item("Sous la limite", $"<content:encoded><![CDATA[{new string('é', 150)}]]]></content:encoded><!-- {new string('x', 400)} -->")
            + Item("Texte trop long", $"<description>{new string('a', 600)}</description>")
            // 300 characters, but 600 bytes: the limit is in bytes.
            + Item("Section trop longue", $"<content:encoded><![CDATA[{new string('é', 300)}]]></content:encoded>")
            + Item("Balises trop nombreuses", string.Concat(Enumerable.Repeat("<category>a</category>", 60)))
            + Item("Lu après", "<description>Le dernier.</description>")
            + "</channel></rss>\n");

        var items = InputReader.CreateDefault(new ReadOptions { MaxDocumentBytes = 500 }).ReadFile(new InputFile(path, "limite.rss")).ToList();

        Assert.Equal([
            "error: limite.rss (item 2, line 4): item of 0.0 MB is larger than the 0 MB limit for one article (see --max-document-mb); skipped",
            "error: limite.rss (item 3, line 5): item of 0.0 MB is larger than the 0 MB limit for one article (see --max-document-mb); skipped",
            "error: limite.rss (item 4, line 6): item of 0.0 MB is larger than the 0 MB limit for one article (see --max-document-mb); skipped",
        ], items.Problems().Select(p => p.ToString()));
        Assert.Equal(["Sous la limite", "Lu après"], items.Documents().Select(d => d.Hints.Title));
        Assert.Equal($"Sous la limite\n{new string('é', 150)}]", items.Documents()[0].Text);
    }

    [Theory]
    [InlineData("Tue, 19 Apr 2016 09:10:00 +0200", "2016-04-19T09:10:00+02:00")]
    [InlineData("19 Apr 2016 09:10 GMT", "2016-04-19T09:10:00Z")]
    [InlineData("Mon, 4 Jul 16 08:00:00 EDT", "2016-07-04T08:00:00-04:00")]
    [InlineData("2016-04-18T09:10:00-04:00", "2016-04-18T09:10:00-04:00")]
    [InlineData("Tue, 31 Apr 2016 09:10:00 +0200", null)]
    [InlineData("Tue, 19 Apr 2016 25:10:00 +0200", null)]
    [InlineData("2016-13-01", null)]
    public void FeedDatesBecomeIsoWithTheirZone(string stated, string? expected) =>
        Assert.Equal(expected, FeedDate.ToIso(stated));
}
