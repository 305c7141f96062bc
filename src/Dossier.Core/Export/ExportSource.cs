using Dossier.Core.Duplicates;
using Dossier.Core.Events;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;

namespace Dossier.Core.Export;

/// <summary>What the exports read of a dossier, a section at a time in the order the JSON contract writes them
/// (export-format.md): each section is read when asked for, and the documents may be read again for a later
/// one, so that a stored dossier can be exported without every document or corpus result held at once.</summary>
public interface IExportSource
{
    int DocumentCount { get; }

    /// <summary>Every document, in dossier order, with what its object of the documents section shows and the paths of its sources.</summary>
    IEnumerable<ExportedDocument> Documents();

    /// <summary>Every document again, in dossier order, with its text, lines and metadata and at least these layers
    /// (<see cref="Pipeline.Layers"/>), without its tokens (its token count kept).</summary>
    IEnumerable<ExportedDocument> Again(params string[] layers);

    /// <summary>Every document again as <see cref="Again"/> reads it with its figures, each with the series of its figures (figure → series id).</summary>
    IEnumerable<(ExportedDocument Document, IReadOnlyDictionary<Quantity, string> SeriesOf)> Figures();

    /// <summary>The stored entities, in their stored order, with their mentions.</summary>
    IEnumerable<EntityGroup> Entities();

    /// <summary>Every stored entity's name by its id (those the entities section writes).</summary>
    IReadOnlyDictionary<string, string> EntityNames();

    IEnumerable<QuantitySeries> Series();

    IEnumerable<Story> Stories();

    IEnumerable<DuplicateGroup> Duplicates();

    /// <summary>The events with their salience, in the dossier's order of events (<see cref="EventStage.Rank"/>).</summary>
    IReadOnlyList<ExportedEvent> Events();

    /// <summary>The entity co-occurrence graph.</summary>
    CooccurrenceGraph Graph();
}

/// <summary>A span located as the contract does: document, 1-based line, offsets in the line, and its text.</summary>
public readonly record struct LocatedSpan(string Document, int Line, int Start, int End, string Text)
{
    public static LocatedSpan Of(string id, AnalysedDocument document, TextSpan span)
    {
        var line = document.LineAt(span.Start);
        return new LocatedSpan(id, line.Number, span.Start - line.Span.Start, span.End - line.Span.Start, document.Text.Substring(span.Start, span.Length));
    }
}

/// <summary>An event as the exports write it, without its reports' documents: what the JSON object, the report,
/// the table and the timeline say of it, so that the events of a large dossier can be ordered once all are read.</summary>
/// <param name="Mentions">Every trigger of every report, in the reports' order.</param>
/// <param name="SummarySource">The line the summary is cut from (<see cref="DossierEvent.SummarySource"/>).</param>
/// <param name="ReportCount">How many sentences report it.</param>
public sealed record ExportedEvent(string Id, string? Date, string Summary, IReadOnlyList<string> Participants, string? Place,
    IReadOnlyList<EventEvidence> Evidence, IReadOnlyList<LocatedSpan> Mentions, string Class, EventStatus Status, bool DateInferred,
    bool DateEstimated, int Documents, int Outlets, double Salience, EventEvidence SummarySource, int ReportCount) : ITimelineEvent
{
    public static ExportedEvent Of(DossierEvent ev)
    {
        var quoted = ev.SummarySource;
        return new ExportedEvent(ev.Id, ev.Date, ev.Summary, ev.Participants, ev.Place, ev.Evidence,
            ev.Reports.SelectMany(r => r.Mention.Triggers.Select(t => LocatedSpan.Of(r.DocumentId, r.Source, t))).ToArray(),
            ev.Class, ev.Status, ev.DateInferred, ev.DateEstimated, ev.Documents, ev.Outlets, ev.Salience, new EventEvidence(quoted.DocumentId, quoted.Line),
            ev.Reports.Count);
    }
}

/// <summary>An export of documents and corpus results already in memory.</summary>
public sealed class HeldExport(IReadOnlyList<ExportedDocument> documents, CorpusResults corpus) : IExportSource
{
    public int DocumentCount => documents.Count;

    public IEnumerable<ExportedDocument> Documents() => documents;

    public IEnumerable<ExportedDocument> Again(params string[] layers) => documents;

    public IEnumerable<(ExportedDocument Document, IReadOnlyDictionary<Quantity, string> SeriesOf)> Figures()
    {
        var seriesOf = new Dictionary<Quantity, string>(ReferenceEqualityComparer.Instance);
        foreach (var s in corpus.Series)
            foreach (var point in s.Points) seriesOf[point.Quantity] = s.Id;
        return documents.Select(d => (d, (IReadOnlyDictionary<Quantity, string>)seriesOf));
    }

    public IEnumerable<EntityGroup> Entities() => corpus.Entities;

    public IReadOnlyDictionary<string, string> EntityNames() => EventTexts.Names(corpus.Entities);

    public IEnumerable<QuantitySeries> Series() => corpus.Series;

    public IEnumerable<Story> Stories() => corpus.Stories;

    public IEnumerable<DuplicateGroup> Duplicates() => corpus.Duplicates;

    public IReadOnlyList<ExportedEvent> Events() => corpus.Events.Select(ExportedEvent.Of).ToArray();

    public CooccurrenceGraph Graph() => EntityGraph.Of(corpus.Entities);
}

/// <summary>The export formats, each written from what <see cref="IExportSource"/> reads.</summary>
public static class ExportFormats
{
    public static readonly IReadOnlyList<string> All = ["json", "gexf", "timelinejs", "markdown", "csv"];

    public static void Write(Stream output, IExportSource dossier, string format)
    {
        switch (format)
        {
            case "json": JsonExporter.Write(output, dossier); break;
            case "gexf": GexfExporter.Write(output, dossier.Graph()); break;
            case "timelinejs": TimelineJsExporter.Write(output, dossier); break;
            case "markdown": MarkdownExporter.Write(output, dossier); break;
            case "csv": CsvExporter.Write(output, dossier); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "not an export format");
        }
    }
}
