using Dossier.Core.Model;

namespace Dossier.Core.Events;

/// <summary>What describing an event needs of one of its reports (<see cref="EventState"/>).</summary>
/// <param name="Outlet">The document's outlet, or lacking one its id.</param>
/// <param name="SentenceLength">Length of the report's sentence, in characters.</param>
/// <param name="EstimatedDate">The estimate of an undated article's date the report took (<see cref="EventReport.EstimatedDate"/>).</param>
public sealed record ReportFacts(string Class, EventStatus Status, string? ExplicitDate, string? InferredDate, string? EstimatedDate,
    IReadOnlyList<string> Participants, string? Place, string Outlet, int Sentence, int SentenceLength)
{
    public static ReportFacts Of(EventReport report) => new(report.Mention.Class, report.Mention.Status, report.ExplicitDate, report.InferredDate,
        report.EstimatedDate, report.Participants, report.Place, report.Source.Metadata.Outlet?.Value ?? report.DocumentId, report.Mention.Sentence,
        report.Source.Sentences[report.Mention.Sentence].Span.Length);

    /// <summary>Its participants, then its place.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Entities => Place is null ? Participants : Participants.Append(Place);
}

/// <summary>An event as its reports describe it.</summary>
public sealed record EventDescription(string Class, EventStatus Status, string? Date, bool DateInferred,
    IReadOnlyList<string> Participants, string? Place, int Outlets);
