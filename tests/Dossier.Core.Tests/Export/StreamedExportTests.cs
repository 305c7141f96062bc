using System.Text;
using Dossier.Core.Export;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Export;

/// <summary>The JSON export of a large dossier goes out to its stream as it is written.</summary>
public class StreamedExportTests
{
    [Fact]
    public void Documents_reach_the_stream_before_the_last_is_read_and_the_corpus_is_read_over_documents_without_tokens()
    {
        var seeds = Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal).Select(p => Samples.Analyse(Path.GetFileName(p))).ToArray();
        const int count = 2_000;
        var documents = Enumerable.Range(0, count).Select(i => new ExportedDocument($"d{i + 1}", seeds[i % seeds.Length])).ToArray();
        using var output = new MemoryStream();
        var sentBeforeTheLast = -1L;
        IEnumerable<ExportedDocument> Read()
        {
            for (var i = 0; i < count; i++)
            {
                if (i == count - 1) sentBeforeTheLast = output.Length;
                yield return documents[i];
            }
        }
        IReadOnlyList<ExportedDocument>? readOver = null;

        JsonExporter.Write(output, Read(), kept =>
        {
            readOver = kept;
            return CorpusResults.Empty;
        });

        var json = Encoding.UTF8.GetString(output.ToArray());
        var documentsSection = Encoding.UTF8.GetByteCount(json[..json.IndexOf("\"entities\"", StringComparison.Ordinal)]);
        Assert.True(documentsSection > 8 << 20, $"{documentsSection} bytes of documents");
        // The writer holds at most about a megabyte before sending it on; the last document is one of the five seeds.
        Assert.InRange(sentBeforeTheLast, documentsSection - (2 << 20), documentsSection);
        Assert.Equal(documents.Select(d => d.Id), readOver!.Select(d => d.Id));
        Assert.All(readOver!, d => Assert.Empty(d.Document.Tokens));
        Assert.Equal(documents.Select(d => d.Document.Timexes.Length), readOver!.Select(d => d.Document.Timexes.Length));
    }
}
