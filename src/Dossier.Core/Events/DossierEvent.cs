using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Events;

/// <summary>One sentence's report of a happening, placed in the dossier.</summary>
/// <param name="Document">Index of the document in the merger's input.</param>
/// <param name="Participants">Entity ids of the sentence's participants.</param>
/// <param name="Place">Entity id of the place, if any.</param>
/// <param name="Lemmas">Crude lemmas of the words naming the happening (<see cref="EventMerger.Lemmas"/>), the main trigger's first.</param>
/// <param name="Speaker">Who makes its first statement (<see cref="StatementSpeaker"/>): an entity id, or the words naming
/// the speaker within its article (<see cref="EventMerger.PhraseSpeaker"/>); null when none is stated.</param>
public sealed record EventReport(int Document, string DocumentId, AnalysedDocument Source, EventMention Mention,
    IReadOnlyList<string> Participants, string? Place, IReadOnlyList<string> Lemmas, string? Speaker = null)
{
    /// <summary>Its participants its sentence names only outside the phrase that names its happening in passing (<see cref="InPassing"/>):
    /// merging compares events by them, but they are the rest of the sentence's, not this happening's.</summary>
    public IReadOnlyList<string> ParticipantsOutsidePhrase { get; init; } = [];
    /// <summary>Whether its place stands outside that phrase.</summary>
    public bool PlaceOutsidePhrase { get; init; }

    public string? ExplicitDate => Mention.Time is { Inferred: false } time ? time.Value : null;
    public string? InferredDate => Mention.Time is { Inferred: true } time && !IsEstimate ? time.Value : null;
    /// <summary>The estimate of an undated article's date (<see cref="PublicationEstimate"/>) that the report took: no date the sources give.</summary>
    public string? EstimatedDate => Mention.Time is { Inferred: true } time && IsEstimate ? time.Value : null;
    private bool IsEstimate => Source.Metadata.Published is null;
    /// <summary>The day its article was published, when the article gives one.</summary>
    public DateOnly? ArticleDay => Source.Metadata.Published is { } published ? EventDates.Day(published.Value) : null;
    public int Line => Source.LineAt(Mention.Triggers[0].Start).Number;

    public string SentenceText => Sentence.ToString();

    public ReadOnlySpan<char> Sentence => Source.Text.AsSpan(Source.Sentences[Mention.Sentence].Span.Start, Source.Sentences[Mention.Sentence].Span.Length);
}

/// <summary>A citation of one line of a document.</summary>
public readonly record struct EventEvidence(string DocumentId, int Line);

/// <summary>One real-world happening of the dossier and every report of it.</summary>
/// <param name="Date">TIMEX3 value, an interval "a/b" when sources disagree within reason, or null.</param>
/// <param name="DateInferred">True when only articles' dates, or estimates of them, date it.</param>
/// <param name="Reports">In dossier order.</param>
/// <param name="Outlets">How many outlets (or, lacking one, documents) report it.</param>
/// <param name="Salience">How much the documents make of it (<see cref="EventSalience"/>).</param>
public sealed record DossierEvent(string Id, string Class, EventStatus Status, string? Date, bool DateInferred, string Summary,
    IReadOnlyList<string> Participants, string? Place, IReadOnlyList<EventReport> Reports, int Outlets, double Salience = 0) : ITimelineEvent
{
    /// <summary>Every line holding a trigger, in dossier order.</summary>
    public IReadOnlyList<EventEvidence> Evidence { get; } = Reports
        .SelectMany(r => r.Mention.Triggers.Select(t => new EventEvidence(r.DocumentId, r.Source.LineAt(t.Start).Number))).Distinct().ToArray();

    public int Documents { get; } = Reports.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Whether its date is only the estimate of when an undated article was written: bounds, not a fact.</summary>
    public bool DateEstimated => DateInferred && Date is not null && Reports.All(r => r.InferredDate is null);

    public int ReportCount => Reports.Count;

    /// <summary>The report whose sentence the summary is cut from.</summary>
    /// <remarks>Without a copy of each sentence looked through: every reader of the dossier's events asks it of each event.</remarks>
    public EventReport SummarySource
    {
        get
        {
            var quoted = Summary.AsSpan().TrimEnd(" …");
            foreach (var report in Reports)
                if (report.Sentence.Contains(quoted, StringComparison.Ordinal)) return report;
            return Reports[0];
        }
    }
}
