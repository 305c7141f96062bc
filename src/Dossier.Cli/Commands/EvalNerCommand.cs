using System.CommandLine;
using Dossier.Core.Recognize.Entities;

namespace Dossier.Cli.Commands;

/// <summary>`dossier eval ner --gold FILE [--model MODEL]`: entity-level P/R/F1 per type and micro (CoNLL exact spans).</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold CoNLL file (token<TAB>IOB2 tag)", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (default: the shipped model of --language)" };
        var language = new Option<string?>("--language") { Description = "Language whose shipped model to use (default: the language of the file's text)" };
        var command = new Command("ner", "Entity-level precision, recall and F1 of the tagger on a gold file") { gold, model, language };
        command.SetAction(parse => RunNer(parse.GetValue(gold)!, parse.GetValue(model), parse.GetValue(language)));
        return command;
    }

    private static int RunNer(string goldPath, string? modelPath, string? language)
    {
        try
        {
            var sentences = ConllFile.Read(goldPath, requireTags: true);
            var model = ModelOption.Load(modelPath, language, sentences);
            if (model is null) return CliApp.Failed;
            var evaluator = PerceptronTrainer.Evaluate(model, sentences);
            Console.WriteLine($"{goldPath}: {sentences.Count} sentences, {sentences.Sum(s => s.Tokens.Length)} tokens");
            Console.Write(evaluator.Report());
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CliApp.Failed;
        }
    }
}
