using Dossier.Core.Events;

namespace Dossier.Core.Export;

/// <summary>The events as a readable report: one section per event in date order, its summary
/// quoted with the line it is cut from, who took part and where, and every line that reports it;
/// then the documents, so that those reporting no event are listed too.</summary>
public static class MarkdownExporter
{
    public static void Write(Stream output, IReadOnlyList<ExportedDocument> documents, CorpusResults corpus) => Write(output, new HeldExport(documents, corpus));

    public static void Write(Stream output, IExportSource dossier)
    {
        var events = dossier.Events();
        var texts = new EventTexts(dossier.EntityNames());
        using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("# Timeline");
        writer.WriteLine();
        writer.WriteLine($"{events.Count} events reported in {dossier.DocumentCount} documents. Sources are given as document:line.");
        foreach (var ev in events.OrderBy(e => EventTimeline.SortKey(e.Date), StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine($"## {EventTexts.Date(ev)} · {ev.Class} ({ev.Status.ToString().ToLowerInvariant()})");
            writer.WriteLine();
            var quoted = ev.SummarySource;
            writer.WriteLine($"> {Escape(ev.Summary)} [{quoted.DocumentId}:{quoted.Line}]");
            writer.WriteLine();
            var participants = texts.Participants(ev).ToList();
            if (participants.Count > 0) writer.WriteLine($"- Participants: {Escape(string.Join(", ", participants))}");
            if (texts.Place(ev) is { } place) writer.WriteLine($"- Place: {Escape(place)}");
            writer.WriteLine($"- Reported in {ev.Documents} document(s), {ev.Outlets} outlet(s): {string.Join(", ", EventTexts.Sources(ev))}");
        }
        writer.WriteLine();
        writer.WriteLine("## Documents");
        writer.WriteLine();
        var reporting = events.SelectMany(e => e.Evidence.Select(x => x.DocumentId)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, document) in dossier.Again(Pipeline.Layers.Events))
        {
            var title = document.Metadata.Title?.Value ?? Path.GetFileName(document.Source.Path);
            var published = document.Metadata.Published?.Value
                ?? (Events.PublicationEstimate.Of(document.Events) is { } estimate ? $"undated (estimated {estimate.Value})" : "undated");
            writer.WriteLine($"- {id} · {published} · {Escape(title)}{(reporting.Contains(id) ? "" : " · reports no event")}");
        }
    }

    /// <summary>Markdown's own signs in source text are shown, not obeyed.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("]", "\\]");
}
