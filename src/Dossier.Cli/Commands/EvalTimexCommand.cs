using System.CommandLine;
using System.Globalization;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Time;
using Dossier.Core.Recognize.Time.Evaluation;

namespace Dossier.Cli.Commands;

/// <summary>`dossier eval timex --gold DIR [--peer line|document] [--misses]`: runs the temporal stage
/// on every TimeML file of DIR with its creation time as the article date and prints TempEval-3 style
/// figures; `--peer` scores Microsoft.Recognizers.Text used plainly instead, for comparison.</summary>
internal static class EvalTimexCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Folder of TimeML (.tml) files", Required = true };
        var peer = new Option<string?>("--peer") { Description = "Score Microsoft.Recognizers.Text used plainly, one 'line' or one 'document' at a time" };
        peer.AcceptOnlyFromAmong("line", "document");
        var misses = new Option<bool>("--misses") { Description = "List every missed, spurious or wrongly valued expression" };
        var command = new Command("timex", "Score date and time expressions against TimeML TIMEX3 annotation") { gold, peer, misses };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(peer), parse.GetValue(misses)));
        return command;
    }

    private static int Run(string folder, string? peer, bool listMisses)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"{folder}: no such folder");
            return CliApp.Failed;
        }
        var files = Directory.GetFiles(folder, "*.tml").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"{folder}: no .tml files");
            return CliApp.Failed;
        }
        var stage = new TimeExpressionRecognizer();
        var total = TimexScores.Zero;
        var misses = new List<TimexComparison>();
        foreach (var file in files)
        {
            TimeMlDocument gold;
            try
            {
                gold = TimeMlDocument.Read(file);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return CliApp.Failed;
            }
            var document = TimexEvaluator.Prepare(gold);
            var lexicon = TimeLexicon.For(document.Language);
            if (lexicon is null)
            {
                Console.Error.WriteLine($"{file}: language '{document.Language}' has no time data");
                return CliApp.Failed;
            }
            var article = ArticleDate.Parse(gold.CreationTime);
            TimeExpression[] system = peer is null
                ? stage.Recognize(document, lexicon, article)
                : PlainRecognizer.Recognize(gold.Text, lexicon.Culture, article.Date?.ToDateTime(TimeOnly.MinValue) ?? DateTime.Today, peer == "line");
            total += TimexEvaluator.Score(gold, system, listMisses ? misses : null);
        }
        foreach (var miss in misses)
            Console.WriteLine($"{Path.GetFileName(miss.Path)}\t{miss.Text}\tgold={miss.Gold?.Type}:{miss.Gold?.Value}\tsystem={miss.System?.Type}:{miss.System?.Value}");
        var who = peer is null ? "dossier" : $"Recognizers ({peer} by {peer})";
        Console.WriteLine($"timex {who}: {files.Length} documents, {total.Gold} gold, {total.System} found");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  strict span   P={total.StrictPrecision:F3} R={total.StrictRecall:F3} F1={total.StrictF1:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  relaxed span  P={total.RelaxedPrecision:F3} R={total.RelaxedRecall:F3} F1={total.RelaxedF1:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  value accuracy={total.ValueAccuracy:F3} value F1={total.ValueF1:F3} type accuracy={total.TypeAccuracy:F3}"));
        return CliApp.Ok;
    }
}
