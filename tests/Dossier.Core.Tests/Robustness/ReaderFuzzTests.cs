using System.Text;
using CsCheck;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace Dossier.Core.Tests.Robustness;

/// <summary>Property-based fuzzing: damaged versions of real inputs of every format (bytes flipped,
/// cut, repeated, markup and control characters inserted) give documents and reported problems,
/// never an exception out of the reader or the pipeline. The iteration count is small here; the
/// script bench/fuzz-readers.sh runs the same properties for a fixed time budget
/// (DOSSIER_FUZZ_SECONDS each), and each writes how many inputs it tried.</summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("DOSSIER_FUZZ_ITERATIONS"), out var n) ? n : 60;
    private static readonly int Seconds = int.TryParse(Environment.GetEnvironmentVariable("DOSSIER_FUZZ_SECONDS"), out var s) ? s : -1;
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    private static readonly byte[][] Seeds =
    [
        File.ReadAllBytes(InputFiles.Fixture("actualites.rss")),
        File.ReadAllBytes(InputFiles.Fixture("actualites.atom")),
        File.ReadAllBytes(InputFiles.Fixture("journal.warc")),
        File.ReadAllBytes(InputFiles.Fixture("journal.warc.gz")),
        File.ReadAllBytes(Path.Combine(InputFiles.RepoRoot, "samples", "000_6d8b029ee740e503.txt")),
        Encoding.UTF8.GetBytes("{\"id\": 1, \"title\": \"Un titre\", \"text\": \"Le 12 mai 2020, entre 3 et 5 ans plus tard.\"}\n{\"id\": 2, \"text\": \"Lundi.\"}\n"),
        Encoding.UTF8.GetBytes("<!doctype html><html><head><title>T</title></head><body><article><h1>T</h1><p>Le 3 mars, M. Dupont a dit.</p></article></body></html>"),
        Encoding.UTF8.GetBytes("<!doctype html><html><body><svg><path d='M0'/></svg>" + string.Concat(Enumerable.Repeat("<div><span>", 140))
            + "<p>Le 3 mars, au fond.</p>" + string.Concat(Enumerable.Repeat("</span></div>", 140)) + "</body></html>"),
    ];

    private static readonly byte[][] Insertions =
        [.. new[] { "<div>", "</p>", "<![CDATA[", "]]>", "<!--", "-->", "<div/>", "</span>", "<svg>", "&amp;", "&#0;", "\u001b[2J", "\r\n", "WARC/1.0\r\n", "Content-Length: 99999999\r\n", "{", "\"text\": 5", "\uFEFF", "le 12 mai ", "(((" }
            .Select(Encoding.UTF8.GetBytes), [0x00], [0xFF, 0xFE], [0xC3], [0x1F, 0x8B]];

    /// <summary>A seed with a few edits: flipped bytes, a cut, a repeated piece, an inserted token.</summary>
    private static readonly Gen<byte[]> Damaged =
        Gen.Int[0, Seeds.Length - 1].SelectMany(seed => Gen.Int[1, 6].SelectMany(edits =>
            Gen.Int[0, 4].Array[edits].SelectMany(kinds => Gen.Int.Array[edits].SelectMany(positions => Gen.Int[0, Insertions.Length - 1].Array[edits].Select(picks =>
            {
                var bytes = new List<byte>(Seeds[seed]);
                for (var e = 0; e < edits; e++)
                {
                    if (bytes.Count == 0) break;
                    var at = (int)((uint)positions[e] % (uint)bytes.Count);
                    switch (kinds[e])
                    {
                        case 0: bytes[at] ^= (byte)(1 << (positions[e] & 7)); break;
                        case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                        case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(64, bytes.Count - at))); break;
                        default: bytes.InsertRange(at, Insertions[picks[e]]); break;
                    }
                }
                return bytes.ToArray();
            })))));

    [Fact]
    public void DamagedInputsOfEveryFormatGiveDocumentsAndProblemsNeverAnException()
    {
        var folder = InputFiles.ScratchFolder();
        var reader = InputReader.CreateDefault(new ReadOptions { MaxDocumentBytes = 1 << 20 });
        // A limit smaller than most inputs, so that records, items and sections are cut and skipped.
        var small = InputReader.CreateDefault(new ReadOptions { MaxDocumentBytes = 200 });
        Damaged.Sample(bytes =>
        {
            var path = Path.Combine(folder, "input");
            File.WriteAllBytes(path, bytes);
            foreach (var item in reader.ReadFile(new InputFile(path, "input")))
            {
                if (item.Document is { } document) Pipeline.Run(document);
                else Assert.NotNull(item.Problem);
            }
            foreach (var item in small.ReadFile(new InputFile(path, "input")))
                Assert.True(item.Document is not null || item.Problem is not null);
        }, writeLine: output.WriteLine, iter: Iterations, time: Seconds, threads: 1);
    }

    private static readonly string[] Words =
        ["le", "12", "mai", "2020", "entre", "3", "et", "5", "ans", "lundi", "hier", "depuis", "jusqu'au", "à", "18", "h", "30", "mi-mars", "19/04",
         "il", "y", "a", "deux", "semaines", "fin", "décembre", "prochain", "(", ")", ",", ".", "«", "»", "M.", "Dupont", "Paris", "%", "millions", "d'euros", "-", "années", "1990"];

    [Fact]
    public void TheTimeStageReadsAnySoupOfTimeWords()
    {
        Gen.Int[0, Words.Length - 1].Array[1, 400].Sample(picks =>
        {
            var text = "Titre\n\n" + string.Join(' ', picks.Select(i => Words[i])) + "\n";
            var document = new AnalysedDocument(new SourceDocument("k", "soup.txt", "text", "h", text, "utf-8", SourceHints.None));
            foreach (var stage in Pipeline.Stages)
            {
                stage.Annotate(document, CancellationToken.None);
                if (stage.Provides.Contains(Layers.Language)) document.Language = "fr";
            }
            Assert.All(document.Timexes, t => Assert.InRange(t.Span.End, 1, text.Length));
        }, writeLine: output.WriteLine, iter: Iterations * 5, time: Seconds, threads: 1);
    }
}
