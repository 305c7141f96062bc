using System.Globalization;

namespace Dossier.Core.Clean;

/// <summary>A logistic model over named features in [0, 1]: the line layout model (is a line the
/// article's own text) and the headline ranker (is a line the headline). Its weights are a data
/// file (one named weight a line) written by <see cref="Train"/> from hand-labelled scraped articles.</summary>
public sealed class LogisticModel
{
    private const string BiasName = "bias";
    private readonly IReadOnlyList<string> _names;
    private readonly float _bias;
    private readonly float[] _weights;

    private LogisticModel(IReadOnlyList<string> names, float bias, float[] weights)
    {
        _names = names;
        _bias = bias;
        _weights = weights;
    }

    public float Probability(float[] features)
    {
        var z = _bias;
        for (var i = 0; i < _weights.Length; i++) z += _weights[i] * features[i];
        return 1f / (1f + MathF.Exp(-z));
    }

    /// <summary>Reads "name&lt;TAB&gt;weight" rows; every feature of <paramref name="names"/> must be
    /// named once, so that a model written for other features is refused rather than misread. Null
    /// when there are no rows (the data file is absent).</summary>
    public static LogisticModel? Read(IReadOnlyList<(int Number, string Text)> rows, string origin, IReadOnlyList<string> names)
    {
        if (rows.Count == 0) return null;
        var weights = new float[names.Count];
        var named = new bool[weights.Length];
        float? bias = null;
        foreach (var (number, text) in rows)
        {
            var cells = text.Split('\t');
            if (cells.Length != 2 || !float.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw new InvalidDataException($"{origin}:{number}: expected 'feature<TAB>weight', got '{text}'");
            if (cells[0] == BiasName) { bias = weight; continue; }
            var index = IndexOf(names, cells[0]);
            if (index < 0) throw new InvalidDataException($"{origin}:{number}: unknown feature '{cells[0]}'");
            weights[index] = weight;
            named[index] = true;
        }
        var missing = names.Where((_, i) => !named[i]).ToArray();
        if (bias is null || missing.Length > 0)
            throw new InvalidDataException($"{origin}: no weight for {string.Join(", ", bias is null ? missing.Prepend(BiasName) : missing)}");
        return new LogisticModel(names, bias.Value, weights);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }

    /// <summary>The model as data-file rows, bias first.</summary>
    public IEnumerable<string> Write() =>
        _names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name}\t{_weights[i]:0.####}"))
            .Prepend(string.Create(CultureInfo.InvariantCulture, $"{BiasName}\t{_bias:0.####}"));

    /// <summary>Fits the weights by gradient descent on the log loss with a small L2 penalty; the
    /// features lie in [0, 1] (in [-1, 1] for a ranker's differences), so one step size serves them all.
    /// Deterministic: no sampling.</summary>
    public static LogisticModel Train(IReadOnlyList<string> names, IReadOnlyList<(float[] Features, bool IsPositive)> examples, int iterations = 4000, float step = 1f, float l2 = 1e-3f)
    {
        var width = names.Count;
        var weights = new float[width];
        var bias = 0f;
        var gradient = new double[width];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            var model = new LogisticModel(names, bias, weights);
            foreach (var (features, isPositive) in examples)
            {
                var error = model.Probability(features) - (isPositive ? 1 : 0);
                biasGradient += error;
                for (var i = 0; i < width; i++) gradient[i] += error * features[i];
            }
            bias -= step * (float)(biasGradient / examples.Count);
            for (var i = 0; i < width; i++)
                weights[i] -= step * (float)(gradient[i] / examples.Count + l2 * weights[i]);
        }
        return new LogisticModel(names, bias, weights);
    }

    /// <summary>Fits the weights of a ranker by gradient descent on the listwise log loss: each list is
    /// one page's candidates, of which <c>Chosen</c> is right, and the softmax of their scores is
    /// the chance of each to be chosen. The gradient weighs each rival by that chance, so the
    /// candidates that come close to the right one teach most, and every page counts once whatever
    /// its number of candidates. The bias is no part of a ranking (it is 0).</summary>
    public static LogisticModel TrainListwise(IReadOnlyList<string> names, IReadOnlyList<(float[][] Candidates, int Chosen)> lists, int iterations = 4000, float step = 1f, float l2 = 1e-3f)
    {
        var width = names.Count;
        var weights = new float[width];
        var gradient = new double[width];
        var scores = new double[lists.Count == 0 ? 0 : lists.Max(l => l.Candidates.Length)];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            foreach (var (candidates, chosen) in lists)
            {
                var max = double.NegativeInfinity;
                for (var c = 0; c < candidates.Length; c++)
                {
                    double z = 0;
                    for (var i = 0; i < width; i++) z += weights[i] * candidates[c][i];
                    scores[c] = z;
                    max = Math.Max(max, z);
                }
                double total = 0;
                for (var c = 0; c < candidates.Length; c++) total += scores[c] = Math.Exp(scores[c] - max);
                for (var c = 0; c < candidates.Length; c++)
                {
                    var share = scores[c] / total - (c == chosen ? 1 : 0);
                    for (var i = 0; i < width; i++) gradient[i] += share * candidates[c][i];
                }
            }
            for (var i = 0; i < width; i++)
                weights[i] -= step * (float)(gradient[i] / lists.Count + l2 * weights[i]);
        }
        return new LogisticModel(names, 0, weights);
    }
}
