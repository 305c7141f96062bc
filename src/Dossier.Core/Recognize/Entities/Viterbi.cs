namespace Dossier.Core.Recognize.Entities;

/// <summary>Best label sequence of a first-order model: emission scores per token and label, plus a
/// score per transition; forbidden transitions (<see cref="LabelSet.Allowed"/>) are never taken.</summary>
public static class Viterbi
{
    /// <param name="emissions">tokens × labels scores.</param>
    /// <param name="transitions">(labels + 1) × labels scores, row 0 from the sentence start.</param>
    public static void Decode(ReadOnlySpan<float> emissions, int tokens, ReadOnlySpan<float> transitions, LabelSet labels, Span<int> best)
    {
        var l = labels.Count;
        if (tokens == 0) return;
        var size = tokens * l;
        var rented = size <= 2048 ? null : new float[size];
        var score = rented ?? stackalloc float[size];
        var backRented = size <= 2048 ? null : new int[size];
        var back = backRented ?? stackalloc int[size];
        var allowed = labels.Allowed;
        for (var y = 0; y < l; y++)
        {
            var t = labels.Transition(-1, y);
            score[y] = allowed[t] ? emissions[y] + transitions[t] : float.NegativeInfinity;
            back[y] = -1;
        }
        for (var i = 1; i < tokens; i++)
        {
            var row = i * l;
            var previousRow = row - l;
            for (var y = 0; y < l; y++)
            {
                var bestScore = float.NegativeInfinity;
                var bestFrom = 0;
                for (var x = 0; x < l; x++)
                {
                    var t = labels.Transition(x, y);
                    if (!allowed[t]) continue;
                    var s = score[previousRow + x] + transitions[t];
                    if (s > bestScore) { bestScore = s; bestFrom = x; }
                }
                score[row + y] = bestScore + emissions[row + y];
                back[row + y] = bestFrom;
            }
        }
        var last = (tokens - 1) * l;
        var label = 0;
        for (var y = 1; y < l; y++)
            if (score[last + y] > score[last + label]) label = y;
        for (var i = tokens - 1; i >= 0; i--)
        {
            best[i] = label;
            label = back[i * l + label];
        }
    }
}
