using System.Diagnostics;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Segment;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Robustness;

/// <summary>Tests whose bound counts the whole process's CPU time run when no other test does.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAlone
{
    public const string Name = "run alone";
}

/// <summary>Hostile inputs end, in time linear in their size: folder loops, endless sentences.
/// (Speed figures come from `Dossier.Bench adversarial`; the bounds here only catch a return to
/// quadratic work, which takes minutes to hours on these inputs.)</summary>
[Collection(RunAlone.Name)]
public class BoundedWorkTests
{
    [Fact]
    public void TwoSymlinkLoopsAreReportedAndEveryFileIsReadOnce()
    {
        var root = InputFiles.ScratchFolder();
        var inner = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
        File.WriteAllText(Path.Combine(root, "a", "un.txt"), "Le gouvernement a annoncé lundi une décision importante.");
        File.WriteAllText(Path.Combine(inner, "deux.txt"), "Le ministre a précisé mardi les détails de la mesure.");
        Directory.CreateSymbolicLink(Path.Combine(inner, "retour"), Path.Combine(root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(root, "racine"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "copie"), inner);

        var clock = Stopwatch.StartNew();
        var items = InputFiles.Read(root);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 30);
        Assert.Equal([Path.Combine("a", "b", "deux.txt"), Path.Combine("a", "un.txt")], items.Documents().Select(d => d.Path));
        Assert.Equal([
            $"warning: {Path.Combine("a", "b", "retour")}: a link back to a, which holds it (a loop); not followed",
            $"warning: copie: the same folder as {Path.Combine("a", "b")}, already read; not read twice",
            "warning: racine: a link back to ., which holds it (a loop); not followed",
        ], items.Problems().Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("le 12 mai ")]
    [InlineData("entre 3 et 5 ans ")]
    public void AMegabyteLineOfDatesGoesThroughThePipelineInLinearTime(string unit)
    {
        var text = new StringBuilder("Titre\n\n");
        while (text.Length < 1024 * 1024) text.Append(unit);
        var document = new AnalysedDocument(new SourceDocument("k", "dates.txt", "text", "h", text.Append('\n').ToString(), "utf-8", SourceHints.None));

        // CPU time, not the wall clock: a machine busy with other work must not fail the bound.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var stage in DocumentPipeline.CreateDefault().Stages)
        {
            stage.Annotate(document, CancellationToken.None);
            if (stage.Provides.Contains(Layers.Language)) document.Language = "fr";
        }

        Assert.InRange((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, 0, 120);
        // The runaway line is cut into sentences of at most 250 tokens.
        Assert.All(document.Sentences, s => Assert.InRange(s.TokenCount, 1, SentenceSplitter.MaxTokens));
        Assert.True(document.Sentences.Length >= document.Tokens.Length / SentenceSplitter.MaxTokens);
        Assert.NotEmpty(document.Timexes);
    }

    [Fact]
    public void A_200_MB_json_line_is_refused_without_being_read_into_memory()
    {
        var folder = InputFiles.ScratchFolder();
        var path = Path.Combine(folder, "big.jsonl");
        using (var file = File.Create(path))
        {
            file.Write("{\"id\": 1, \"text\": \"Le premier article, lu.\"}\n{\"id\": 2, \"text\": \""u8);
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 200; i++) file.Write(chunk);
            file.Write("\"}\n{\"id\": 3, \"text\": \"Le troisième article, lu aussi.\"}\n"u8);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var items = InputReader.CreateDefault().Read([folder]).ToList();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(["big.jsonl#1", "big.jsonl#3"], items.Documents().Select(d => d.Path));
        Assert.Equal("error: big.jsonl (line 2): record of 200.0 MB is larger than the 16 MB limit for one article (see --max-document-mb)", Assert.Single(items.Problems()).ToString());
        Assert.InRange(allocated, 0, 48L << 20); // the 16 MB limit, kept once, and the read buffer
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Text is read in pieces; a CDATA section the XML parser holds whole, but only up to
    /// the limit (the rest is dropped under it), so memory is a few times the limit, not the item.</summary>
    [Theory]
    [InlineData("<description>", "</description>", 48)]
    [InlineData("<content:encoded><![CDATA[<p>", "</p>]]></content:encoded>", 160)]
    public void A_200_MB_feed_item_is_refused_without_being_read_into_memory(string open, string close, int allocatedMb)
    {
        var folder = InputFiles.ScratchFolder();
        var path = Path.Combine(folder, "big.rss");
        using (var file = File.Create(path))
        {
            file.Write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Journal</title>
                <item><title>Le premier article</title><description>Il est lu.</description></item>
                <item><title>Un article démesuré</title>
                """u8);
            file.Write(Encoding.UTF8.GetBytes(open));
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Le texte sans fin. ", (1 << 20) / 19 + 1))[..(1 << 20)]);
            for (var i = 0; i < 200; i++) file.Write(chunk);
            file.Write(Encoding.UTF8.GetBytes(close));
            file.Write("""
                </item>
                <item><title>Le troisième article</title><description>Il est lu aussi.</description></item>
                </channel></rss>
                """u8);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var items = InputReader.CreateDefault().Read([folder]).ToList();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(["Le premier article", "Le troisième article"], items.Documents().Select(d => d.Hints.Title));
        Assert.Equal(["big.rss#1", "big.rss#3"], items.Documents().Select(d => d.Path));
        Assert.Equal("error: big.rss (item 2, line 4): item of 200.0 MB is larger than the 16 MB limit for one article (see --max-document-mb); skipped",
            Assert.Single(items.Problems()).ToString());
        Assert.InRange(allocated, 0, (long)allocatedMb << 20);
        Directory.Delete(folder, recursive: true);
    }
}
