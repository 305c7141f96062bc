using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Bench;

/// <summary>`adversarial [KB]`: the worst-case time per MB of each per-document stage, on one line
/// of KB kilobytes (default 1024) that never ends its sentence, packed with what each stage works
/// hardest on: dates, ranges of durations, figures, names, nested brackets. The language is set to
/// French as the identifier sees it, so that every stage runs. Goal: under 2 s per MB per stage.
/// Time is the process's processor time, so that other work on the machine does not count.
/// The models are loaded first, on a short text, so that a figure is the stage's work alone.
/// Names of texts after KB run only those.</summary>
public static class AdversarialBenchmark
{
    private static readonly (string Name, string Unit)[] Texts =
    [
        ("dates", "le 12 mai "),
        ("ranges", "entre 3 et 5 ans "),
        ("numbers", "12 345,5 millions d'euros soit 3 % de plus, "),
        ("names", "Jean-Pierre Dupont de La Tour "),
        ("brackets", "((([[{« "),
        ("words", "et "),
    ];

    public static int Run(string[] args)
    {
        var kilobytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
        var only = args.Skip(1).ToHashSet(StringComparer.Ordinal);
        var pipeline = DocumentPipeline.CreateDefault();
        foreach (var (name, unit) in Texts) Annotate(pipeline, Document(name, unit, 1), _ => { });
        Console.WriteLine($"one line of {kilobytes} KB per text; processor seconds per MB for each stage");
        Console.WriteLine($"{"text",-10} {string.Join(' ', pipeline.Stages.Select(s => $"{s.Name,9}"))} {"total",9}");
        foreach (var (name, unit) in Texts.Where(t => only.Count == 0 || only.Contains(t.Name)))
        {
            var perMb = new List<double>();
            Annotate(pipeline, Document(name, unit, kilobytes), seconds => perMb.Add(seconds * 1024 / kilobytes));
            Console.WriteLine($"{name,-10} {string.Join(' ', perMb.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(9)))} {perMb.Sum().ToString("0.00", CultureInfo.InvariantCulture),9}");
        }
        return 0;
    }

    private static AnalysedDocument Document(string name, string unit, int kilobytes)
    {
        var text = new StringBuilder("Titre\n\n", kilobytes * 1024 + 64);
        while (text.Length < kilobytes * 1024) text.Append(unit);
        text.Append('\n');
        return new AnalysedDocument(new SourceDocument("adversarial", name, "text", name, text.ToString(), "utf-8", SourceHints.None));
    }

    /// <summary>Runs every stage on the document, giving the processor seconds each took: on a
    /// shared machine the time on the clock measures the other work on it as much as the stage.</summary>
    private static void Annotate(DocumentPipeline pipeline, AnalysedDocument document, Action<double> seconds)
    {
        using var process = Process.GetCurrentProcess();
        foreach (var stage in pipeline.Stages)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            stage.Annotate(document, CancellationToken.None);
            if (stage.Provides.Contains(Layers.Language)) document.Language = "fr";
            process.Refresh();
            seconds((process.TotalProcessorTime - before).TotalSeconds);
        }
    }
}
