using Dossier.Core.Describe;
using Dossier.Core.Recognize.Entities;

namespace Dossier.Cli.Commands;

/// <summary>The NER model a command uses: a file named with --model, else the shipped model of the
/// --language given, else that of the language identified from the sentences themselves.</summary>
internal static class ModelOption
{
    /// <summary>Enough words to name a language with confidence; more only costs time.</summary>
    private const int SampleSentences = 200;

    public static NerModel? Load(string? path, string? language, IReadOnlyList<TaggedSentence> sentences)
    {
        if (path is not null) return NerModel.Load(path);
        language ??= new LanguageIdentifier().Identify(string.Join('\n', sentences.Take(SampleSentences).Select(s => string.Join(' ', s.Tokens))));
        var model = NerModels.For(language);
        if (model is null) Console.Error.WriteLine($"error: no NER model ships for language '{language}'; name one with --language or --model");
        return model;
    }
}
