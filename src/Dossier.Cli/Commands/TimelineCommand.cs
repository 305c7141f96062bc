using System.CommandLine;
using Dossier.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>`dossier timeline FILE.dossier`: the documents in order of publication date.</summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("dossier") { Description = "The dossier file" };
        var command = new Command("timeline", "Print the dossier's timeline") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!));
        return command;
    }

    private static int Run(string path)
    {
        using var store = StoreOpener.TryOpen(path, create: false);
        if (store is null) return CliApp.Failed;
        var documents = store.ListDocuments()
            .OrderBy(d => d.Published is null ? 1 : 0)
            .ThenBy(d => SortKey(d.Published?.Value), StringComparer.Ordinal)
            .ThenBy(d => d.Id)
            .ToList();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn(new TableColumn("doc").NoWrap())
            .AddColumn("title").AddColumn("outlet").AddColumn(new TableColumn("file").NoWrap());
        foreach (var d in documents)
        {
            var date = d.Published is null ? "unknown" : d.Published.Value + (d.Published.Inferred ? " (inferred)" : "");
            table.AddRow(StoreOpener.Escape(date), d.ExportId, StoreOpener.Escape(d.Title ?? "(no title)"),
                StoreOpener.Escape(d.Outlet ?? ""), StoreOpener.Escape(d.Path));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{documents.Count} documents, {documents.Count(d => d.Published is null)} without a publication date");
        return CliApp.Ok;
    }

    /// <summary>Unknown years ("XXXX-04-19") sort after known ones of any year.</summary>
    private static string SortKey(string? value) => value is null ? "~" : value.Replace('X', '~');
}
