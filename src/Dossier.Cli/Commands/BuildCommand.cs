using System.CommandLine;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>`dossier build INPUT... -o FILE.dossier`: creates a dossier or adds to it.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files and folders of articles", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The dossier file to create or add to" };
        var store = StoreOpener.StoreOption();
        var maxSize = new Option<int>("--max-document-mb") { Description = "Largest single article accepted, in MB", DefaultValueFactory = _ => 16 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems" };
        var prune = new Option<bool>("--prune") { Description = "Remove the documents of files gone from the named folders" };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) of the articles whose source, text and path state none" };
        var command = new Command("build", "Read articles into a dossier (creates the file or adds to it)") { inputs, output, store, maxSize, quiet, prune, published };
        command.SetAction(parse => StoreOpener.Location(parse.GetValue(output), parse.GetValue(store), "-o FILE.dossier") is { } location
            ? Run(parse.GetValue(inputs)!, location, new ReadOptions { MaxDocumentBytes = parse.GetValue(maxSize) * 1024L * 1024, GivenPublished = parse.GetValue(published) },
                parse.GetValue(quiet), parse.GetValue(prune))
            : CliApp.Failed);
        return command;
    }

    private static int Run(string[] inputs, string location, ReadOptions options, bool quiet, bool prune)
    {
        if (options.GivenPublished is { } given && !DateOnly.TryParseExact(given, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            Console.Error.WriteLine(TerminalText.Escape($"error: --published {given}: not a date written YYYY-MM-DD"));
            return CliApp.Failed;
        }
        var output = StoreOpener.NameOf(location);
        if (inputs.All(input => !File.Exists(input) && !Directory.Exists(input)))
        {
            // Nothing to read: no dossier is created (an existing one is left as it is).
            foreach (var input in inputs)
                Console.Error.WriteLine($"error: {input}: no such file or folder");
            Console.Error.WriteLine($"error: none of the inputs exists; {output} not written");
            return CliApp.Failed;
        }
        using var store = StoreOpener.TryOpen(location, create: true);
        if (store is null) return CliApp.Failed;
        var reader = InputReader.CreateDefault(options);
        var builder = new DossierBuilder(store, DocumentPipeline.CreateDefault(), reader) { Prune = prune };
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        BuildReport report;
        try
        {
            report = ShowProgress(quiet)
                ? AnsiConsole.Progress().AutoClear(true).Start(ctx =>
                {
                    var documents = ctx.AddTask("documents");
                    var corpus = ctx.AddTask("corpus", autoStart: false, maxValue: builder.CorpusSteps.Length);
                    return builder.Build(inputs, new DrawnProgress(p => ShowProgress(p, documents, corpus)), cancel.Token);
                })
                : builder.Build(inputs, null, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("build interrupted: the dossier keeps the documents stored so far");
            return CliApp.Failed;
        }
        catch (Exception ex) when (ex is DossierStoreException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException)
        {
            // The batch being written was rolled back; the dossier keeps every document stored before it.
            var reason = ex is Microsoft.Data.Sqlite.SqliteException sqlite ? Storage.Sqlite.SqliteFailure.Describe(output, sqlite) : $"{output}: {ex.Message}";
            Console.Error.WriteLine(TerminalText.Escape($"error: {reason}; the documents stored before are kept"));
            return CliApp.Failed;
        }

        foreach (var problem in report.Problems)
            Console.Error.WriteLine(TerminalText.Escape(problem.ToString()));
        if (!quiet)
        {
            // Warnings (a damaged byte replaced, a record skipped) are told above; only errors fail an input.
            var failed = report.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            Console.WriteLine(TerminalText.Escape($"{output}: {report.Added} added, {report.Replaced} replaced, {report.Unchanged} unchanged" +
                              (report.Linked > 0 ? $", {report.Linked} already stored under another path" : "") +
                              (report.Removed.Count > 0 ? $", {report.Removed.Count} removed" : "") +
                              (report.Gone > 0 ? $", {report.Gone} from files no longer there kept (--prune removes them)" : "") +
                              (report.CorpusBoilerplateLines > 0 ? $", {report.CorpusBoilerplateLines} recurring lines set aside as boilerplate" : "") +
                              (failed > 0 ? $"; {failed} {(failed == 1 ? "input" : "inputs")} failed" : "")));
        }
        return report.HasErrors ? CliApp.SomeInputsFailed : CliApp.Ok;
    }

    /// <summary>Files read of those named (documents read and stored beside), then the corpus steps.</summary>
    private static void ShowProgress(BuildProgress progress, ProgressTask documents, ProgressTask corpus)
    {
        documents.MaxValue = Math.Max(1, progress.Files);
        documents.Value = progress.FilesRead;
        documents.Description = $"files {progress.FilesRead}/{progress.Files}: {progress.DocumentsRead} documents read, {progress.DocumentsStored} stored";
        if (progress.CorpusStep is not { } step) return;
        if (!corpus.IsStarted) corpus.StartTask();
        documents.Value = documents.MaxValue;
        corpus.Value = progress.CorpusStepsDone;
        corpus.Description = TerminalText.Escape($"corpus {Math.Min(progress.CorpusStepsDone + 1, corpus.MaxValue)}/{corpus.MaxValue}: {step}");
    }

    /// <summary>Draws each report on the builder's thread as it comes: a <see cref="Progress{T}"/>
    /// would post it to the thread pool, where the last ones may land after the display has ended.</summary>
    private sealed class DrawnProgress(Action<BuildProgress> draw) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => draw(value);
    }

    private static bool ShowProgress(bool quiet) => !quiet && !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
