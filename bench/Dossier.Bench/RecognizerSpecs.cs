using System.Globalization;
using System.Text.Json;
using Dossier.Core.Recognize.Time;
using Dossier.Core.Recognize.Time.Evaluation;

namespace Dossier.Bench;

/// <summary>Pass rate of the temporal stage on the Microsoft Recognizers-Text date specification
/// cases (../shared/data/recognizers-specs/DateTime/LANG/DateTimeModel.json): rules are checked on
/// sentences they were not written from. A case counts when each expected result has one TIMEX
/// value a news reader would write too: a full date, month, year, time or duration, no "XXXX"
/// (Recognizers gives year-less dates both a past and a future value) and no range. It passes
/// when the stage finds every such result with the same text (case and spaces aside) and value.
/// --half even|odd keeps the cases of even or odd index in file order (0 is even), so that misses are
/// read on one half and rules checked on the other.</summary>
public static class RecognizerSpecs
{
    /// <summary>The reference date of the specification cases that state none.</summary>
    private static readonly DateTime DefaultReference = new(2016, 11, 7);

    public static int Run(string[] args)
    {
        if (args.Length < 2) return Fail("usage: specs DateTimeModel.json LANGUAGE [--misses] [--half even|odd]");
        var cases = JsonDocument.Parse(File.ReadAllText(args[0]).TrimStart('\uFEFF')).RootElement;
        var language = args[1];
        var misses = args.Contains("--misses");
        var halfAt = Array.IndexOf(args, "--half");
        int? parity = halfAt < 0 ? null
            : halfAt + 1 < args.Length && args[halfAt + 1] is "even" or "odd" ? (args[halfAt + 1] == "even" ? 0 : 1)
            : throw new ArgumentException("--half takes even or odd");
        var stage = new TimeExpressionRecognizer();
        var lexicon = TimeLexicon.For(language) ?? throw new ArgumentException($"no time data for '{language}'");
        int counted = 0, passed = 0, index = -1;
        foreach (var item in cases.EnumerateArray())
        {
            index++;
            if (parity is { } p && index % 2 != p) continue;
            var expected = Comparable(item);
            if (expected is null) continue;
            counted++;
            var input = item.GetProperty("Input").GetString()!;
            var reference = item.TryGetProperty("Context", out var context) && context.TryGetProperty("ReferenceDateTime", out var r)
                ? DateTime.Parse(r.GetString()!, CultureInfo.InvariantCulture) : DefaultReference;
            var document = TimexEvaluator.Prepare(new TimeMlDocument("spec", input, reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), []));
            document.Language = language;
            var found = stage.Recognize(document, lexicon, ArticleDate.Parse(reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Select(t => (Text: Normalise(input.Substring(t.Span.Start, t.Span.Length)), t.Value)).ToList();
            if (expected.All(e => found.Contains(e))) passed++;
            else if (misses)
                Console.WriteLine($"{input}\texpected {string.Join("; ", expected.Select(e => $"{e.Text}={e.Value}"))}\tfound {string.Join("; ", found.Select(f => $"{f.Text}={f.Value}"))}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(Path.GetDirectoryName(args[0]))}{(parity is { } half ? half == 0 ? " (even half)" : " (odd half)" : "")}: {cases.GetArrayLength()} cases, {counted} comparable, {passed} passed, pass rate {(double)passed / counted:0.000}"));
        return 0;
    }

    /// <summary>The (text, value) pairs a case expects, or null when one of them is not comparable.</summary>
    private static List<(string Text, string? Value)>? Comparable(JsonElement item)
    {
        var results = item.GetProperty("Results");
        if (results.GetArrayLength() == 0) return null;
        var expected = new List<(string, string?)>();
        foreach (var result in results.EnumerateArray())
        {
            if (!result.TryGetProperty("Resolution", out var resolution) || !resolution.TryGetProperty("values", out var values)) return null;
            var timexes = values.EnumerateArray().Select(v => v.TryGetProperty("timex", out var t) ? t.GetString() : null).Distinct().ToList();
            if (timexes.Count != 1 || timexes[0] is not { } timex || timex.Contains('X') || timex.StartsWith('(')) return null;
            expected.Add((Normalise(result.GetProperty("Text").GetString()!), timex));
        }
        return expected;
    }

    private static string Normalise(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
