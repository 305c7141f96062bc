using Dossier.Core.Model;

namespace Dossier.Core.Events;

/// <summary>What describing an event needs of one of its reports (<see cref="EventMerger.Describe(IReadOnlyList{ReportFacts})"/>):
/// small enough to be kept with its document, so that a report joining a much reported event describes
/// it again without reading the event's documents.</summary>
/// <param name="Outlet">The document's outlet, or lacking one its id.</param>
/// <param name="SentenceLength">Length of the report's sentence, in characters.</param>
public sealed record ReportFacts(string Class, EventStatus Status, string? ExplicitDate, string? InferredDate,
    IReadOnlyList<string> Participants, string? Place, string Outlet, int Sentence, int SentenceLength)
{
    public static ReportFacts Of(EventReport report) => new(report.Mention.Class, report.Mention.Status, report.ExplicitDate, report.InferredDate,
        report.Participants, report.Place, report.Source.Metadata.Outlet?.Value ?? report.DocumentId, report.Mention.Sentence,
        report.Source.Sentences[report.Mention.Sentence].Span.Length);

    /// <summary>Its participants, then its place.</summary>
    public IEnumerable<string> Entities => Place is null ? Participants : Participants.Append(Place);
}

/// <summary>An event as its reports describe it; <paramref name="SummarySource"/> is the index of the
/// report whose sentence its summary is cut from.</summary>
public sealed record EventDescription(string Class, EventStatus Status, string? Date, bool DateInferred,
    IReadOnlyList<string> Participants, string? Place, int Outlets, int SummarySource);
