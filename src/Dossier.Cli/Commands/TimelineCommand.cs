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

    private static int Run(string path) => StoreOpener.Read(path, List);

    private static int List(IDossierStore store)
    {
        var documents = store.ListDocuments()
            .OrderBy(d => d.Published is null ? 1 : 0)
            .ThenBy(d => SortKey(d.Published?.Value), StringComparer.Ordinal)
            .ThenBy(d => d.Id)
            .ToList();
        // Three columns so that a title wraps in the widest one on an 80-column terminal; where the
        // article comes from goes under its title.
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn(new TableColumn("doc").NoWrap()).AddColumn("article");
        foreach (var d in documents)
        {
            var date = d.Published is null ? "unknown" : d.Published.Value + (d.Published.Inferred ? " (inferred)" : "");
            var source = string.Join(" · ", new[] { d.Outlet, d.Path }.Where(s => !string.IsNullOrEmpty(s)));
            table.AddRow(new Markup(StoreOpener.Escape(date)), new Markup(d.ExportId),
                new Markup($"{StoreOpener.Escape(d.Title ?? "(no title)")}\n[grey]{StoreOpener.Escape(source)}[/]"));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{documents.Count} documents, {documents.Count(d => d.Published is null)} without a publication date");
        return CliApp.Ok;
    }

    /// <summary>Unknown years ("XXXX-04-19") sort after known ones of any year.</summary>
    private static string SortKey(string? value) => value is null ? "~" : value.Replace('X', '~');
}
