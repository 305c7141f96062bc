using System.CommandLine;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>`dossier reanalyse FILE.dossier`: analyses again, from their stored text, the documents
/// an older version of the analysis (stages, language data, models) produced; inputs are not read.</summary>
internal static class ReanalyseCommand
{
    public static Command Create()
    {
        var dossier = new Argument<string>("dossier") { Description = "The dossier file" };
        var command = new Command("reanalyse", "Analyse again the documents an older version of the analysis produced, from their stored text") { dossier };
        command.SetAction(parse => Run(parse.GetValue(dossier)!));
        return command;
    }

    private static int Run(string path)
    {
        using var store = StoreOpener.TryOpen(path, create: false);
        if (store is null) return CliApp.Failed;
        var builder = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault());
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        ReanalysisReport report;
        try
        {
            report = builder.Reanalyse(null, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("reanalysis interrupted: documents analysed so far keep their new analysis, the others their old one");
            return CliApp.Failed;
        }
        foreach (var problem in report.Problems)
            Console.Error.WriteLine(TerminalText.Escape(problem.ToString()));
        Console.WriteLine(TerminalText.Escape($"{path}: {report.Reanalysed} of {report.Stale} documents from an older analysis analysed again" +
            (report.Stale - report.Reanalysed > 0 ? $"; {report.Stale - report.Reanalysed} failed and keep their old analysis" : "")));
        return report.Problems.Count > 0 ? CliApp.SomeInputsFailed : CliApp.Ok;
    }
}
