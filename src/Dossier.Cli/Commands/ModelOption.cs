using Dossier.Core.Recognize.Entities;

namespace Dossier.Cli.Commands;

/// <summary>The NER model a command uses: a file named with --model, or the language's shipped model.</summary>
internal static class ModelOption
{
    public static NerModel? Load(string? path, string language)
    {
        if (path is not null) return NerModel.Load(path);
        var model = NerModels.For(language);
        if (model is null) Console.Error.WriteLine($"error: no NER model ships for language '{language}'; name one with --model");
        return model;
    }
}
