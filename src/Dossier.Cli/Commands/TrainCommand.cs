using System.CommandLine;
using System.Diagnostics;
using Dossier.Core.Recognize.Entities;
using Dossier.Core.Segment;

namespace Dossier.Cli.Commands;

/// <summary>`dossier train ner --train FILE... --dev FILE -o MODEL`: trains the named-entity tagger.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Training files (CoNLL, token<TAB>IOB2 tag)", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var dev = new Option<string?>("--dev") { Description = "Development file: F1 after each epoch; the best epoch is kept" };
        var output = new Option<string>("--output", "-o") { Description = "The model file to write", Required = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Drop training sentences that also appear in these files (test sets)", AllowMultipleArgumentsPerToken = true };
        var corpus = new Option<string[]>("--corpus") { Description = "Unlabelled text for word clusters and capitalisation habits (.jsonl, CoNLL .iob2 or plain text)", AllowMultipleArgumentsPerToken = true };
        var field = new Option<string>("--corpus-field") { Description = "Text field of a .jsonl corpus", DefaultValueFactory = _ => "article" };
        var language = new Option<string>("--language") { Description = "Language of the corpus, for its tokenizer rules", DefaultValueFactory = _ => "und" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed for sentence order and clustering", DefaultValueFactory = _ => 1 };
        var rowBits = new Option<int>("--feature-bits") { Description = "log2 of the number of hashed feature rows", DefaultValueFactory = _ => 20 };
        var ner = new Command("ner", "Train the named-entity tagger (averaged perceptron, Viterbi over IOB2)")
            { train, dev, output, exclude, corpus, field, language, epochs, seed, rowBits };
        ner.SetAction(parse => Run(parse.GetValue(train)!, parse.GetValue(dev), parse.GetValue(output)!, parse.GetValue(exclude) ?? [],
            parse.GetValue(corpus) ?? [], parse.GetValue(field)!, parse.GetValue(language)!, new TrainerOptions(parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(rowBits))));
        return new Command("train", "Train a model") { ner, TrainTermsCommand.Create() };
    }

    private static int Run(string[] trainFiles, string? devFile, string output, string[] excludeFiles, string[] corpus, string field, string language, TrainerOptions options)
    {
        var clock = Stopwatch.StartNew();
        void Progress(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
        try
        {
            if (options.Epochs < 1 || options.RowBits is < 12 or > 24)
            {
                Console.Error.WriteLine("error: --epochs must be at least 1 and --feature-bits between 12 and 24");
                return CliApp.Failed;
            }
            var excluded = new HashSet<string>(excludeFiles.SelectMany(f => ConllFile.Read(f, requireTags: false)).Select(Key), StringComparer.Ordinal);
            var train = new List<TaggedSentence>();
            var described = new List<string>();
            foreach (var file in trainFiles)
            {
                var sentences = ConllFile.Read(file, requireTags: true);
                var kept = sentences.Where(s => !excluded.Contains(Key(s))).ToList();
                train.AddRange(kept);
                described.Add($"{Path.GetFileName(file)} ({kept.Count} sentences{(kept.Count < sentences.Count ? $", {sentences.Count - kept.Count} dropped as test overlap" : "")})");
                Progress($"{file}: {kept.Count} sentences kept of {sentences.Count}");
            }
            var dev = devFile is null ? [] : ConllFile.Read(devFile, requireTags: true);
            var lexicon = WordLexicon.Empty;
            if (corpus.Length > 0)
            {
                var builder = new LexiconBuilder(SegmentationRules.For(language), options.Seed, Progress);
                foreach (var file in corpus)
                    foreach (var paragraph in UnlabelledCorpus.Paragraphs(file, field)) builder.Add(paragraph);
                lexicon = builder.Build();
                described.Add($"lexicon from the text of {string.Join(", ", corpus.Select(Path.GetFileName))}");
            }
            var description = $"trained on {string.Join(", ", described)}; epochs {options.Epochs}, seed {options.Seed}, 2^{options.RowBits} feature rows";
            var model = new PerceptronTrainer(options, Progress).Train(train, dev, lexicon, description);
            model.Save(output);
            Progress($"wrote {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB)");
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CliApp.Failed;
        }
    }

    private static string Key(TaggedSentence sentence) => string.Join(' ', sentence.Tokens);
}
