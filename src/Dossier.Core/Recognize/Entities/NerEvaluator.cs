using System.Globalization;
using System.Text;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Precision, recall and F1 of one entity type (or of all, micro-averaged).</summary>
public sealed record EntityScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level scores as in CoNLL: a predicted entity counts only if its span and type
/// both match a gold entity exactly.</summary>
public sealed class NerEvaluator
{
    private readonly Dictionary<string, (int Gold, int Predicted, int Correct)> _counts = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted tag sequences differ in length", nameof(predicted));
        var goldSpans = EntitySpans.FromTags(gold);
        var predictedSpans = EntitySpans.FromTags(predicted);
        foreach (var span in goldSpans) Bump(span.Type, 1, 0, 0);
        foreach (var span in predictedSpans) Bump(span.Type, 0, 1, goldSpans.Contains(span) ? 1 : 0);
    }

    private void Bump(string type, int gold, int predicted, int correct)
    {
        _counts.TryGetValue(type, out var c);
        _counts[type] = (c.Gold + gold, c.Predicted + predicted, c.Correct + correct);
    }

    public IReadOnlyList<EntityScore> PerType =>
        _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new EntityScore(p.Key, p.Value.Gold, p.Value.Predicted, p.Value.Correct)).ToArray();

    public EntityScore Micro => new("micro",
        _counts.Values.Sum(c => c.Gold), _counts.Values.Sum(c => c.Predicted), _counts.Values.Sum(c => c.Correct));

    /// <summary>A plain table: type, gold, predicted, correct, P, R, F1.</summary>
    public string Report()
    {
        var builder = new StringBuilder();
        builder.AppendLine("type     gold  predicted  correct  precision  recall      F1");
        foreach (var s in PerType.Append(Micro))
            builder.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Type,-6} {s.Gold,6} {s.Predicted,10} {s.Correct,8} {s.Precision,10:F4} {s.Recall,7:F4} {s.F1,7:F4}"));
        return builder.ToString();
    }
}
