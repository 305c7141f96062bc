using Dossier.Core.Read;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Read;

public class WarcTests
{
    [Theory]
    [InlineData("journal.warc")]
    [InlineData("journal.warc.gz")]
    public void ResponseRecordsWithHtmlBecomeDocumentsAndTheRestIsCounted(string file)
    {
        var items = InputFiles.Read(InputFiles.Fixture(file));
        var documents = items.Documents();

        Assert.Equal(2, documents.Count);
        var carter = documents[0];
        Assert.Equal("html", carter.Format);
        Assert.Equal($"{file}#3", Path.GetFileName(carter.Path));
        Assert.Equal("https://journal.example/carter", carter.Hints.Url);
        Assert.Equal("Ashton Carter en visite surprise à Bagdad", carter.Hints.Title);
        Assert.Equal("2016-04-18T09:10:00+02:00", carter.Hints.Published);
        Assert.Equal("Marie Dupont", carter.Hints.Author);
        Assert.Contains(carter.Hints.Fields!, f => f is { Name: "crawled", Value: "2016-04-19T10:00:02Z", Origin: "WARC-Date" });
        Assert.Equal("Ashton Carter en visite surprise à Bagdad\n" +
                     "Le secrétaire américain à la Défense, Ashton Carter, est arrivé lundi à Bagdad pour une visite surprise consacrée à la lutte contre l'État islamique.\n" +
                     "Il doit rencontrer le Premier ministre Haider al-Abadi et les commandants américains sur place, selon un responsable du Pentagone.", carter.Text);
        // The charset comes from the HTTP header stored in the record.
        Assert.Equal("windows-1252", documents[1].Encoding);
        Assert.Contains("Les États-Unis vont envoyer quelque 200 soldats supplémentaires en Irak", documents[1].Text, StringComparison.Ordinal);
        var summary = Assert.Single(items.Problems());
        Assert.Equal(ProblemSeverity.Warning, summary.Severity);
        Assert.Equal("read 2 pages; skipped 3 records (1 non-HTML response, 1 request, 1 warcinfo)", summary.Message);
    }

    [Fact]
    public void CorruptRecordIsNamedAndTheNextRecordIsStillRead()
    {
        var items = InputFiles.Read(InputFiles.Fixture("corrupt-record.warc"));

        var error = items.Problems().First();
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Equal("corrupt-record.warc", Path.GetFileName(error.Path));
        Assert.Equal("record 2", error.Record);
        // The second record's "WARC/1.1" line starts at byte 214 of the file.
        Assert.Equal(214, File.ReadAllBytes(InputFiles.Fixture("corrupt-record.warc")).AsSpan().IndexOf("\r\n\r\n\r\nWARC/1.1"u8) + 6);
        Assert.Equal("record at byte 214 has no valid Content-Length (missing); skipped to the next record", error.Message);
        var page = Assert.Single(items.Documents());
        Assert.Equal("https://journal.example/renforts", page.Hints.Url);
        Assert.Equal("Deux cents soldats de plus en Irak", page.Hints.Title);
    }
}
