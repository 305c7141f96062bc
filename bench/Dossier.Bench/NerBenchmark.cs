using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Recognize.Entities;
using Dossier.Languages;

namespace Dossier.Bench;

/// <summary>The French tagger on one core: model load time, model size (file and resident), and
/// tagging speed in tokens per second over real news sentences segmented by the pipeline.</summary>
internal static class NerBenchmark
{
    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : DefaultCorpus();
        var articles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;

        // Tokens and sentences as the pipeline makes them, without the entity stage (not timed).
        var segment = new DocumentPipeline(DocumentPipeline.CreateDefault().Stages.Where(s => s.Name != "entities"));
        var documents = File.ReadLines(corpus).Take(articles)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("article").GetString() ?? "")
            .Where(text => text.Length > 0)
            .Select((text, i) => Segment(segment, text, i))
            .OfType<AnalysedDocument>()
            .ToList();
        var tokens = documents.Sum(d => d.Tokens.Length);
        // Everything timed runs on one core.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            Process.GetCurrentProcess().ProcessorAffinity = 1;

        long fileBytes;
        using (var stream = LanguageData.Open("fr", "ner.model")!) fileBytes = stream.Length;
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var managedBefore = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var model = NerModels.For("fr") ?? throw new InvalidOperationException("no French model");
        var load = clock.Elapsed;
        var managed = GC.GetTotalMemory(true) - managedBefore;
        var resident = Process.GetCurrentProcess().WorkingSet64 - before;

        var labels = new int[4096];

        // Warm-up, then timed rounds for at least five seconds.
        TagAll(model, documents, labels);
        var rounds = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < 5 || rounds < 3)
        {
            TagAll(model, documents, labels);
            rounds++;
        }
        var tagging = tokens * (double)rounds / clock.Elapsed.TotalSeconds;

        var stage = new EntityRecognizer();
        clock.Restart();
        foreach (var document in documents) stage.Annotate(document, CancellationToken.None);
        var stageRate = tokens / clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            model: fr/ner.model, {fileBytes / 1048576.0:F1} MB on disk, {model.Labels.Count} labels, 2^{model.RowBits} feature rows, {model.Lexicon.Count} lexicon words, {model.Gazetteer.Count} names
            load: {load.TotalMilliseconds:F0} ms; managed heap +{managed / 1048576.0:F1} MB; working set +{resident / 1048576.0:F1} MB
            corpus: {documents.Count} articles, {tokens} tokens
            tagging (features + Viterbi), one core: {tagging:F0} tokens/s over {rounds} rounds
            entity stage (tagging + consistency), one core: {stageRate:F0} tokens/s
            """));
        return 0;
    }

    /// <summary>A document's tokens and sentences; null when an earlier stage gives up on it (a line
    /// pattern timing out on a loaded machine), so one article does not stop the benchmark.</summary>
    private static AnalysedDocument? Segment(DocumentPipeline segment, string text, int i)
    {
        try
        {
            return segment.Run(new SourceDocument($"a{i}", $"a{i}", "text", "0", text, "utf-8", SourceHints.None));
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            Console.Error.WriteLine($"article {i} skipped: a line pattern timed out");
            return null;
        }
    }

    private static void TagAll(NerModel model, List<AnalysedDocument> documents, int[] labels)
    {
        foreach (var document in documents)
            foreach (var sentence in document.Sentences)
            {
                var span = document.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
                if (span.Length > labels.Length) continue;
                model.Tag(document.Text, span, labels);
            }
    }

    private static string DefaultCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
                return Path.Combine(dir.Parent!.FullName, "shared", "data", "corpus-fr", "orangesum-5k.jsonl");
        throw new DirectoryNotFoundException("Dossier.slnx not found above the benchmark; name the corpus file");
    }
}
