using System.CommandLine;
using System.Text;
using Dossier.Core.Recognize.Entities;

namespace Dossier.Cli.Commands;

/// <summary>`dossier tag --format conll FILE [--model MODEL]`: tags one token per line, writes token&lt;TAB&gt;tag.</summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "CoNLL file: one token per line (a tag column is ignored), blank line between sentences" };
        var format = new Option<string>("--format") { Description = "Input and output format", DefaultValueFactory = _ => "conll" };
        format.AcceptOnlyFromAmong("conll");
        var model = new Option<string?>("--model", "-m") { Description = "Model file (default: the shipped model of --language)" };
        var language = new Option<string?>("--language") { Description = "Language whose shipped model to use (default: the language of the file's text)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("tag", "Tag named entities in a CoNLL file") { input, format, model, language, output };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(model), parse.GetValue(language), parse.GetValue(output)));
        return command;
    }

    private static int Run(string input, string? modelPath, string? language, string? output)
    {
        try
        {
            var sentences = ConllFile.Read(input, requireTags: false);
            var model = ModelOption.Load(modelPath, language, sentences);
            if (model is null) return CliApp.Failed;
            using var writer = output is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
                : new StreamWriter(output, false, new UTF8Encoding(false));
            foreach (var sentence in sentences) ConllFile.Write(writer, sentence.Tokens, model.TagTokens(sentence.Tokens));
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CliApp.Failed;
        }
    }
}
