using System.Globalization;
using AngleSharp.Html.Parser;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Read.Html;

namespace Dossier.Bench;

/// <summary>The scraped-article set (see Scraped/README.md). `write` turns saved pages into text as
/// a scraper writes it: every visible block of the page body on its own line, menus, footers and
/// comments included, no metadata. `score` reads those text files as plain text, as a user's
/// folder of scraped `.txt` would be read, and compares headline, publication day and line kinds
/// with the hand labels.</summary>
public static class ScrapedBenchmark
{
    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "write" when args.Length >= 3 => Write(args[1], args[2..]),
        "score" when args.Length >= 3 => Score(args[1], args[2], args.Length > 3 ? args[3] : "dev"),
        "train" when args.Length == 4 => Train(args[1], args[2], args[3]),
        "lines" when args.Length >= 2 => Lines(args[1..]),
        _ => Fail("usage: scraped write OUT_DIR PAGES_DIR... | scraped score LABELS.tsv TEXT_DIR [dev|held|unseen|unseen2|unseen3|unseen4|unseen5|all] | scraped train LABELS.tsv TEXT_DIR OUT.tsv | scraped lines TEXT_FILE..."),
    };

    /// <summary>The visible text of a page as a scraper writes it, one block per line.</summary>
    public static string ScrapedText(byte[] bytes)
    {
        var html = HtmlCharset.Decode(bytes, null, out _, out _);
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = true }).ParseDocument(html);
        var blocks = BlockTextWriter.Write(document.Body ?? (AngleSharp.Dom.INode)document);
        return string.Join('\n', blocks.Select(b => b.Text)) + "\n";
    }

    /// <summary>Pages (.htm, .html) are written as text; articles already in text (.txt, the seeds)
    /// are copied into a subfolder named after their folder.</summary>
    private static int Write(string output, string[] folders)
    {
        Directory.CreateDirectory(output);
        var written = 0;
        foreach (var folder in folders)
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    var copies = Directory.CreateDirectory(Path.Combine(output, Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/'))));
                    File.Copy(file, Path.Combine(copies.FullName, Path.GetFileName(file)), overwrite: true);
                }
                else if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                    File.WriteAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".txt"), ScrapedText(File.ReadAllBytes(file)));
                else continue;
                written++;
            }
        Console.WriteLine($"wrote {written} text files to {output}");
        return 0;
    }

    /// <summary>One labelled article: its headline, publication day ("-" when the page shows none)
    /// and the ranges of its body lines (1-based, "12-30,33-40").</summary>
    private sealed record Label(string File, string Split, string Headline, string Published, (int From, int To)[] Body);

    private static int Score(string labelsPath, string textDir, string split)
    {
        var labels = ReadLabels(labelsPath).Where(l => split == "all" || l.Split == split || (split == "dev" && l.Split == "seed")).ToList();
        var pipeline = DocumentPipeline.CreateDefault();
        int headlines = 0, days = 0, lines = 0, rightLines = 0;
        var confusion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var document = Analyse(pipeline, textDir, label);
            var title = document.Metadata.Title?.Value ?? "-";
            var day = document.Metadata.Published?.Value is { Length: >= 10 } v ? v[..10] : "-";
            if (Same(title, label.Headline)) headlines++;
            if (day == label.Published) days++;
            var titleLine = document.Lines.FirstOrDefault(l => Same(document.LineText(l), label.Headline) && !InBody(label, l.Number))?.Number;
            var misses = new List<string>();
            foreach (var line in document.Lines)
            {
                if (line.Kind == LineKind.Blank) continue;
                var gold = line.Number == titleLine ? "title" : InBody(label, line.Number) ? "content" : "other";
                var predicted = line.Kind switch { LineKind.Title => "title", LineKind.Content => "content", _ => "other" };
                lines++;
                confusion[$"{gold}/{predicted}"] = confusion.GetValueOrDefault($"{gold}/{predicted}") + 1;
                if (gold == predicted) rightLines++;
                else misses.Add($"{line.Number}:{gold}/{predicted}");
            }
            Console.WriteLine($"{label.File}\ttitle {(Same(title, label.Headline) ? "ok" : "MISS")} [{Short(title)}]\tdate {(day == label.Published ? "ok" : "MISS")} [{day} vs {label.Published}]\tlines {string.Join(' ', misses.Take(12))}{(misses.Count > 12 ? $" …+{misses.Count - 12}" : "")}");
        }
        var n = labels.Count;
        Console.WriteLine("gold/predicted lines: " + string.Join(' ', confusion.Select(c => $"{c.Key}={c.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{split}: articles={n} headline={(double)headlines / n:0.000} published_day={(double)days / n:0.000} line_kind={(double)rightLines / lines:0.000} ({lines} lines)"));
        return 0;
    }

    /// <summary>Fits the line layout model (common/line-layout.tsv) on the dev articles and the
    /// seeds, never the held ones: each line the rules leave as content is an example, article
    /// text when its label puts it in the body.</summary>
    private static int Train(string labelsPath, string textDir, string output)
    {
        var pipeline = new DocumentPipeline([new Dossier.Core.Describe.LanguageIdentifier(), new Dossier.Core.Clean.LineClassifier(Dossier.Core.Clean.LinePatternMatcher.Default, Dossier.Core.Describe.DateTextParser.Default, layout: null)]);
        var examples = new List<(float[], bool)>();
        var labels = ReadLabels(labelsPath).Where(l => l.Split is "dev" or "seed").ToList();
        foreach (var label in labels)
        {
            var document = Analyse(pipeline, textDir, label);
            var texts = document.Lines.Select(document.LineText).ToArray();
            var kinds = document.Lines.Select(l => l.Kind).ToArray();
            var features = Dossier.Core.Clean.LineLayout.Of(texts, kinds, Array.IndexOf(kinds, LineKind.Title));
            for (var i = 0; i < kinds.Length; i++)
                if (kinds[i] == LineKind.Content && features[i] is { } vector) examples.Add((vector, InBody(label, i + 1)));
        }
        var model = Dossier.Core.Clean.LineLayoutModel.Train(examples);
        File.WriteAllLines(output, model.Write().Prepend(string.Create(CultureInfo.InvariantCulture,
            $"# Line layout model: written by `Dossier.Bench scraped train` from {labels.Count} hand-labelled scraped articles (dev split and seeds of bench/Dossier.Bench/Scraped), {examples.Count} lines.")));
        Console.WriteLine($"trained on {examples.Count} lines of {labels.Count} articles ({examples.Count(e => e.Item2)} article text) -> {output}");
        return 0;
    }

    /// <summary>Each line of text files with the kind and the reason the pipeline gives it; the
    /// file's name heads its lines when there are several.</summary>
    private static int Lines(string[] paths)
    {
        var pipeline = DocumentPipeline.CreateDefault();
        foreach (var path in paths)
        {
            var document = Analyse(pipeline, Path.GetDirectoryName(Path.GetFullPath(path))!, new Label(Path.GetFileName(path), "", "", "", []));
            if (paths.Length > 1) Console.WriteLine($"== {Path.GetFileName(path)}");
            foreach (var line in document.Lines.Where(l => l.Kind != LineKind.Blank))
                Console.WriteLine($"{line.Number}\t{line.Kind}\t{line.Reason}\t{Short(document.LineText(line))}");
        }
        return 0;
    }

    /// <summary>A labelled article's text file read as plain text, as a user's folder of scraped `.txt` is.</summary>
    private static AnalysedDocument Analyse(DocumentPipeline pipeline, string textDir, Label label)
    {
        var path = Path.Combine(textDir, label.File);
        var bytes = File.ReadAllBytes(path);
        return pipeline.Run(new SourceDocument(path, label.File, "text", ContentHash.Of(bytes), File.ReadAllText(path), "utf-8", SourceHints.None));
    }

    private static bool InBody(Label label, int line) => label.Body.Any(r => r.From <= line && line <= r.To);

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static bool Same(string a, string b) =>
        string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<Label> ReadLabels(string path)
    {
        foreach (var row in File.ReadLines(path))
        {
            if (row.Length == 0 || row[0] == '#') continue;
            var cells = row.Split('\t');
            var body = cells[4] == "-" ? [] : cells[4].Split(',').Select(r => r.Split('-')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[^1], CultureInfo.InvariantCulture))).ToArray();
            yield return new Label(cells[0], cells[1], cells[2], cells[3], body);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
