using Dossier.Core.Clean;
using Dossier.Core.Describe;
using Dossier.Core.Model;
using Dossier.Core.Segment;

namespace Dossier.Core.Recognize.Time.Evaluation;

/// <summary>TempEval-3 style figures: span precision/recall/F1, strict (same bounds) and relaxed
/// (overlap); on the relaxed matches, value and type accuracy; value F1 counts an expression right
/// when it matches a gold one and has its value.</summary>
public sealed record TimexScores(int Gold, int System, int StrictMatches, int RelaxedMatches, int ValueMatches, int TypeMatches)
{
    public double StrictPrecision => Ratio(StrictMatches, System);
    public double StrictRecall => Ratio(StrictMatches, Gold);
    public double StrictF1 => F1(StrictPrecision, StrictRecall);
    public double RelaxedPrecision => Ratio(RelaxedMatches, System);
    public double RelaxedRecall => Ratio(RelaxedMatches, Gold);
    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);
    public double ValueAccuracy => Ratio(ValueMatches, RelaxedMatches);
    public double ValueF1 => F1(Ratio(ValueMatches, System), Ratio(ValueMatches, Gold));
    public double TypeAccuracy => Ratio(TypeMatches, RelaxedMatches);

    public static TimexScores operator +(TimexScores a, TimexScores b) => new(
        a.Gold + b.Gold, a.System + b.System, a.StrictMatches + b.StrictMatches, a.RelaxedMatches + b.RelaxedMatches,
        a.ValueMatches + b.ValueMatches, a.TypeMatches + b.TypeMatches);

    public static TimexScores Zero { get; } = new(0, 0, 0, 0, 0, 0);

    private static double Ratio(int n, int d) => d == 0 ? 0 : (double)n / d;
    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>One expression compared with the gold: for listing misses.</summary>
public sealed record TimexComparison(string Path, string Text, GoldTimex? Gold, TimeExpression? System);

/// <summary>Runs the temporal stage on TimeML documents, with their creation time as the article
/// date, and scores it against their TIMEX3 annotation.</summary>
public static class TimexEvaluator
{
    private static readonly LanguageIdentifier Languages = new();
    private static readonly Segmenter Segmenter = new();

    /// <summary>The document as the pipeline would see it: every line content, the DCT as publication date.</summary>
    public static AnalysedDocument Prepare(TimeMlDocument gold)
    {
        var document = new AnalysedDocument(new SourceDocument(gold.Path, gold.Path, "timeml", "", gold.Text, "utf-8", SourceHints.None));
        Languages.Annotate(document, CancellationToken.None);
        var lines = new List<Line>();
        foreach (var span in LineSplitter.Split(gold.Text))
            lines.Add(new Line(lines.Count + 1, span, LineSplitter.IsBlank(gold.Text.AsSpan(span.Start, span.Length)) ? LineKind.Blank : LineKind.Content, ""));
        document.Lines = lines;
        document.Metadata = new DocumentMetadata
        {
            Published = gold.CreationTime is { } dct ? new PublicationDate(dct, null, null, false, "TimeML DCT") : null,
        };
        Segmenter.Annotate(document, CancellationToken.None);
        return document;
    }

    /// <summary>Scores <paramref name="system"/> expressions of one document against its gold; lists every miss in <paramref name="misses"/>.</summary>
    public static TimexScores Score(TimeMlDocument gold, IReadOnlyList<TimeExpression> system, List<TimexComparison>? misses = null)
    {
        int strict = 0, relaxed = 0, values = 0, types = 0;
        var used = new bool[system.Count];
        foreach (var g in gold.Timexes)
        {
            var best = -1;
            for (var i = 0; i < system.Count; i++)
            {
                if (used[i] || !system[i].Span.Overlaps(g.Span)) continue;
                if (best < 0 || system[i].Span == g.Span) best = i;
            }
            if (best < 0)
            {
                misses?.Add(new TimexComparison(gold.Path, Slice(gold.Text, g.Span), g, null));
                continue;
            }
            used[best] = true;
            var s = system[best];
            relaxed++;
            if (s.Span == g.Span) strict++;
            if (s.Value == g.Value) values++;
            else misses?.Add(new TimexComparison(gold.Path, Slice(gold.Text, s.Span) + " / " + Slice(gold.Text, g.Span), g, s));
            if (s.Type == g.Type) types++;
        }
        for (var i = 0; i < system.Count; i++)
            if (!used[i]) misses?.Add(new TimexComparison(gold.Path, Slice(gold.Text, system[i].Span), null, system[i]));
        return new TimexScores(gold.Timexes.Count, system.Count, strict, relaxed, values, types);
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length).ReplaceLineEndings(" ");
}
