using System.CommandLine;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>`dossier timeline FILE.dossier [--top N] [--entity NAME] [--from DATE] [--to DATE]`:
/// the events by date with their participants and sources, then every document by publication
/// date with how many events it reports, so that a document reporting none is still listed.</summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var top = new Option<int?>("--top") { Description = "Only the N events reported by the most outlets and documents" };
        var entity = new Option<string?>("--entity") { Description = "Only events whose participants or place bear this name" };
        var from = new Option<string?>("--from") { Description = "Only events possibly on or after this date (2016, 2016-04, 2016-04-18)" };
        var to = new Option<string?>("--to") { Description = "Only events possibly on or before this date" };
        var command = new Command("timeline", "Print the dossier's events by date, then its documents") { file, store, top, entity, from, to };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(store),
            new EventQuery(parse.GetValue(top), parse.GetValue(entity), parse.GetValue(from), parse.GetValue(to))));
        return command;
    }

    private static int Run(string? path, string? store, EventQuery query)
    {
        foreach (var date in new[] { query.From, query.To }.OfType<string>())
        {
            if (EventDates.Bounds(date) is not null) continue;
            Console.Error.WriteLine($"error: '{date}' is not a date (expected 2016, 2016-04 or 2016-04-18)");
            return CliApp.Failed;
        }
        return StoreOpener.Read(path, store, dossier => List(dossier, query));
    }

    /// <remarks>Read as the export reads the dossier (<see cref="StoredExport.Of"/>): the events without their documents,
    /// the entities' names, and their mentions only to find those of <see cref="EventQuery.Entity"/>.</remarks>
    private static int List(IDossierStore store, EventQuery query)
    {
        var dossier = StoredExport.Of(store);
        var events = dossier.Events();
        var selected = EventTimeline.Select(events, dossier.Entities(), query);
        WriteEvents(selected, new EventTexts(dossier.EntityNames()));
        Console.WriteLine($"{selected.Count} of {events.Count} events");
        var eventsPerDocument = events.SelectMany(e => e.Evidence.Select(x => x.DocumentId).Distinct())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        WriteDocuments(store.ListDocuments(), eventsPerDocument);
        return CliApp.Ok;
    }

    private static void WriteEvents(IReadOnlyList<ExportedEvent> events, EventTexts texts)
    {
        // Two columns, so that the summary has the width of the line: who and where go under it,
        // then the sentences that report it.
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn("event");
        foreach (var ev in events)
        {
            var whoAndWhere = string.Join(" · ", new[] { string.Join(", ", texts.Participants(ev).Take(6)), texts.Place(ev) }.Where(s => !string.IsNullOrEmpty(s)));
            var lines = new[] { whoAndWhere, "sources: " + string.Join(" ", EventTexts.Sources(ev)) }.Where(l => l.Length > 0);
            table.AddRow(new Markup(StoreOpener.Escape(EventTexts.Date(ev))),
                new Markup($"{StoreOpener.Escape(ev.Summary)}\n[grey]{string.Join("\n", lines.Select(StoreOpener.Escape))}[/]"));
        }
        AnsiConsole.Write(table);
    }

    private static void WriteDocuments(IReadOnlyList<DocumentSummary> listed, Dictionary<string, int> eventsPerDocument)
    {
        var documents = listed
            .OrderBy(d => d.Published is null ? 1 : 0)
            .ThenBy(d => EventTimeline.SortKey(d.Published?.Value), StringComparer.Ordinal)
            .ThenBy(d => d.Id)
            .ToList();
        // Where the article comes from goes under its title.
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn(new TableColumn("doc").NoWrap()).AddColumn("article")
            .AddColumn(new TableColumn("events").NoWrap().RightAligned());
        foreach (var d in documents)
        {
            var date = d.Published is null ? "unknown" : d.Published.Value + (d.Published.Inferred ? " (inferred)" : "");
            var source = string.Join(" · ", new[] { d.Outlet, d.Path }.Where(s => !string.IsNullOrEmpty(s)));
            table.AddRow(new Markup(StoreOpener.Escape(date)), new Markup(d.ExportId),
                new Markup($"{StoreOpener.Escape(d.Title ?? "(no title)")}\n[grey]{StoreOpener.Escape(source)}[/]"),
                new Markup(eventsPerDocument.GetValueOrDefault(d.ExportId).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{documents.Count} documents, {documents.Count(d => d.Published is null)} without a publication date, " +
            $"{documents.Count(d => !eventsPerDocument.ContainsKey(d.ExportId))} reporting no event");
    }
}
