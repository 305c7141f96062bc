using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Settings of a training run. The same data, lexicon and settings give the same model.</summary>
public sealed record TrainerOptions(int Epochs = 12, int Seed = 1, int RowBits = 20);

/// <summary>Trains the tagger as a structured averaged perceptron (Collins 2002): each sentence is
/// decoded with Viterbi and, where the best sequence differs from the gold one, the gold features
/// gain and the predicted ones lose. The averaged weights of the epoch with the best dev F1 are
/// kept. Single-threaded and seeded, so runs are reproducible.</summary>
public sealed class PerceptronTrainer
{
    private const int GazetteerFolds = 4;

    private readonly TrainerOptions _options;
    private readonly Action<string> _progress;

    public PerceptronTrainer(TrainerOptions options, Action<string> progress)
    {
        _options = options;
        _progress = progress;
    }

    private sealed record Example(string Text, Token[] Tokens, int[] Rows, int[] Gold);

    public NerModel Train(IReadOnlyList<TaggedSentence> train, IReadOnlyList<TaggedSentence> dev, WordLexicon lexicon, string description)
    {
        var labels = new LabelSet(LabelSet.TypesIn(train.SelectMany(s => s.Tags!)));
        var l = labels.Count;
        // Jackknifed gazetteer: a sentence sees only names learnt from the other folds of the data, so
        // the weights learn how far a name list from other text can be trusted, as at tagging time.
        var gazetteer = Gazetteer.Build(train, labels);
        var folds = new FeatureExtractor[GazetteerFolds];
        for (var k = 0; k < GazetteerFolds; k++)
        {
            var fold = k;
            folds[k] = new FeatureExtractor(lexicon, Gazetteer.Build(train.Where((_, i) => i % GazetteerFolds != fold), labels), _options.RowBits);
        }
        var examples = new Example[train.Count];
        for (var s = 0; s < train.Count; s++)
        {
            var (text, tokens) = NerModel.JoinTokens(train[s].Tokens);
            var rows = new int[tokens.Length * FeatureExtractor.Count];
            folds[s % GazetteerFolds].Extract(text, tokens, rows);
            examples[s] = new Example(text, tokens, rows, train[s].Tags!.Select(labels.IndexOf).ToArray());
        }
        _progress(string.Create(CultureInfo.InvariantCulture,
            $"{train.Count} training sentences, {examples.Sum(e => e.Tokens.Length)} tokens, {gazetteer.Count} names, labels {string.Join(' ', labels.Labels)}"));

        var size = (1 << _options.RowBits) * l;
        var weights = new float[size];
        var accumulated = new double[size];
        var transitions = new float[(l + 1) * l];
        var accumulatedTransitions = new double[transitions.Length];
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var random = new Random(_options.Seed);
        var step = 1.0;
        NerModel? best = null;
        var bestF1 = -1.0;
        var emissions = new float[256 * l];
        var predicted = new int[256];
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var index in order)
            {
                var example = examples[index];
                var n = example.Tokens.Length;
                if (emissions.Length < n * l) { emissions = new float[n * l]; predicted = new int[n]; }
                Score(weights, example.Rows, n, l, emissions);
                Viterbi.Decode(emissions, n, transitions, labels, predicted);
                var gold = example.Gold;
                var wrong = false;
                for (var i = 0; i < n; i++)
                {
                    var previousDiffers = i > 0 && gold[i - 1] != predicted[i - 1];
                    if (gold[i] == predicted[i] && !previousDiffers) continue;
                    wrong = true;
                    if (gold[i] != predicted[i])
                    {
                        foreach (var row in example.Rows.AsSpan(i * FeatureExtractor.Count, FeatureExtractor.Count))
                        {
                            Update(weights, accumulated, row * l + gold[i], 1, step);
                            Update(weights, accumulated, row * l + predicted[i], -1, step);
                        }
                    }
                    Update(transitions, accumulatedTransitions, labels.Transition(i > 0 ? gold[i - 1] : -1, gold[i]), 1, step);
                    Update(transitions, accumulatedTransitions, labels.Transition(i > 0 ? predicted[i - 1] : -1, predicted[i]), -1, step);
                }
                if (wrong) mistakes++;
                step++;
            }
            var model = NerModel.FromWeights(labels, _options.RowBits, Average(weights, accumulated, step),
                Average(transitions, accumulatedTransitions, step), lexicon, gazetteer, description);
            var f1 = dev.Count > 0 ? Evaluate(model, dev).Micro.F1 : double.NaN;
            _progress(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: {mistakes} sentences wrong of {examples.Length}, dev F1 {f1:F4}, {clock.Elapsed.TotalSeconds:F1}s"));
            if (dev.Count == 0 || f1 > bestF1)
            {
                best = model;
                bestF1 = f1;
            }
        }
        if (dev.Count > 0) _progress(string.Create(CultureInfo.InvariantCulture, $"kept the epoch with dev F1 {bestF1:F4}"));
        return best!;
    }

    public static NerEvaluator Evaluate(NerModel model, IEnumerable<TaggedSentence> gold)
    {
        var evaluator = new NerEvaluator();
        foreach (var sentence in gold) evaluator.Add(sentence.Tags!, model.TagTokens(sentence.Tokens));
        return evaluator;
    }

    private static void Score(float[] weights, int[] rows, int tokens, int l, float[] emissions)
    {
        for (var i = 0; i < tokens; i++)
        {
            var e = emissions.AsSpan(i * l, l);
            e.Clear();
            foreach (var row in rows.AsSpan(i * FeatureExtractor.Count, FeatureExtractor.Count))
            {
                var w = weights.AsSpan(row * l, l);
                for (var y = 0; y < l; y++) e[y] += w[y];
            }
        }
    }

    /// <summary>Averaging trick (Daumé): keep the sum of step × update beside the weights, so the
    /// average over all steps is weights − accumulated / steps, with no per-step copy.</summary>
    private static void Update(float[] weights, double[] accumulated, int index, float delta, double step)
    {
        weights[index] += delta;
        accumulated[index] += delta * step;
    }

    private static float[] Average(float[] weights, double[] accumulated, double steps)
    {
        var average = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++) average[i] = (float)(weights[i] - accumulated[i] / steps);
        return average;
    }
}
