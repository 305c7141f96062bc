using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Events;

/// <summary>A bound on when a document that states no publication date was written, read from the
/// happenings it dates: not before the latest one it tells as having happened, since it reports it.
/// Only a happening named as such (not the statement reporting it, whose date is often the content's:
/// "a affirmé que la réforme s'appliquera en 2021") and dated to the month at least (a year alone is
/// as often a target, "un âge d'équilibre à 64 ans en 2027"). Plans bound nothing: a plan may be one
/// of the past ("avaient prévu de"), which the words before it do not tell. An estimate with its
/// reason, never the document's date.</summary>
/// <param name="NotBefore">First day it may have been written ("yyyy-MM-dd").</param>
/// <param name="Reason">The report the bound is read from.</param>
public sealed record PublicationEstimate(string NotBefore, EventMention Reason)
{
    /// <summary>Digits of a date dated to the month ("2018-11").</summary>
    private const int MonthPrecision = 6;

    /// <summary>The estimate as an interval with an open end ("2019-01-12/.."), as ISO 8601-2 writes it.</summary>
    public string Value => $"{NotBefore}/{EventDates.OpenEnd}";

    /// <summary>The estimate read from a document's reports; null when none of them bounds it.</summary>
    public static PublicationEstimate? Of(IReadOnlyList<EventMention> mentions)
    {
        PublicationEstimate? latest = null;
        foreach (var mention in mentions)
        {
            // Only dates the text states: an inferred time is the publication date, or this very estimate.
            if (mention.Time is not { Inferred: false } time || mention.Status is not (EventStatus.Happened or EventStatus.Reported)
                || mention.Class is EventLexicon.StatementClass or EventLexicon.OccurrenceClass
                || EventDates.Precision(time.Value) < MonthPrecision || EventDates.Bounds(time.Value) is not { } bounds) continue;
            if (latest is null || string.CompareOrdinal(bounds.First, latest.NotBefore) > 0) latest = new PublicationEstimate(bounds.First, mention);
        }
        return latest;
    }
}
