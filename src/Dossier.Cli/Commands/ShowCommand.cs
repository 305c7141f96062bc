using System.CommandLine;
using Dossier.Core.Model;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>`dossier show FILE.dossier DOC`: one article, line by line, with each line's kind.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var doc = new Argument<string?>("document") { Description = "Document id (d3), path or file name", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Print one article with the kind of each line") { file, store, doc };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(store), parse.GetValue(doc)));
        return command;
    }

    private static int Run(string? path, string? store, string? reference)
    {
        (path, reference) = StoreOpener.ShiftForStore(path, store, reference);
        if (reference is null)
        {
            Console.Error.WriteLine("error: no document named (d3, a path or a file name)");
            return CliApp.Failed;
        }
        return StoreOpener.Location(path, store) is { } location
            ? StoreOpener.Read(location, dossier => Show(dossier, StoreOpener.NameOf(location), reference))
            : CliApp.Failed;
    }

    private static int Show(Storage.IDossierStore store, string path, string reference)
    {
        var id = store.FindDocument(reference);
        var document = id is null ? null : store.Load(id.Value);
        if (document is null)
        {
            Console.Error.WriteLine(TerminalText.Escape($"error: {path}: no document '{reference}'"));
            return CliApp.Failed;
        }
        var meta = document.Metadata;
        AnsiConsole.MarkupLine($"[bold]{Storage.DocumentIds.Format(id!.Value)}[/] {StoreOpener.Escape(document.Source.Path)} ({document.Language}, {document.Source.Encoding})");
        var paths = store.SourcePaths(id.Value);
        if (paths.Count > 1)
            AnsiConsole.MarkupLine($"also in: {StoreOpener.Escape(string.Join(", ", paths.Skip(1)))}");
        AnsiConsole.MarkupLine($"title: {StoreOpener.Escape(meta.Title?.Value ?? "-")}");
        AnsiConsole.MarkupLine($"published: {StoreOpener.Escape(meta.Published is null ? "unknown" : $"{meta.Published.Value}{(meta.Published.Inferred ? " (inferred: " + meta.Published.Origin + ")" : "")}")}");
        AnsiConsole.MarkupLine($"outlet: {StoreOpener.Escape(meta.Outlet?.Value ?? "-")}  author: {StoreOpener.Escape(meta.Author?.Value ?? "-")}  agency: {StoreOpener.Escape(meta.Agency?.Value ?? "-")}  dateline: {StoreOpener.Escape(meta.Dateline?.Value ?? "-")}");
        var table = new Table().Border(TableBorder.Simple).AddColumn("line").AddColumn("kind").AddColumn("text");
        foreach (var line in document.Lines)
        {
            if (line.Kind == LineKind.Blank) continue;
            var kind = Line.KindName(line.Kind);
            var colour = line.Kind switch { LineKind.Content => "white", LineKind.Title => "bold yellow", LineKind.Metadata => "cyan", _ => "grey" };
            table.AddRow(line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"[{colour}]{kind}[/]", StoreOpener.Escape(document.LineText(line)));
        }
        AnsiConsole.Write(table);
        return CliApp.Ok;
    }
}
