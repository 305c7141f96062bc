using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Bench;

/// <summary>`adversarial [KB]`: the worst-case time per MB of each per-document stage, on one line
/// of KB kilobytes (default 1024) that never ends its sentence, packed with what each stage works
/// hardest on: dates, ranges of durations, figures, names, nested brackets. The language is set to
/// French as the identifier sees it, so that every stage runs. Goal: under 2 s per MB per stage.</summary>
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
        var pipeline = DocumentPipeline.CreateDefault();
        Console.WriteLine($"one line of {kilobytes} KB per text; seconds per MB for each stage");
        Console.WriteLine($"{"text",-10} {string.Join(' ', pipeline.Stages.Select(s => $"{s.Name,9}"))} {"total",9}");
        foreach (var (name, unit) in Texts)
        {
            var text = new StringBuilder("Titre\n\n", kilobytes * 1024 + 64);
            while (text.Length < kilobytes * 1024) text.Append(unit);
            text.Append('\n');
            var document = new AnalysedDocument(new SourceDocument("adversarial", name, "text", name, text.ToString(), "utf-8", SourceHints.None));
            var perMb = new List<double>();
            foreach (var stage in pipeline.Stages)
            {
                var clock = Stopwatch.StartNew();
                stage.Annotate(document, CancellationToken.None);
                if (stage.Provides.Contains(Layers.Language)) document.Language = "fr";
                perMb.Add(clock.Elapsed.TotalSeconds * 1024 / kilobytes);
            }
            Console.WriteLine($"{name,-10} {string.Join(' ', perMb.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(9)))} {perMb.Sum().ToString("0.00", CultureInfo.InvariantCulture),9}");
        }
        return 0;
    }
}
