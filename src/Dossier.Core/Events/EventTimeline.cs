using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;
using Dossier.Core.Resolve;

namespace Dossier.Core.Events;

/// <summary>What a reader asks of the timeline's events (<see cref="EventTimeline.OnTimeline"/>): the k
/// most reported, those of one entity, those within dates; always in date order (undated last).</summary>
public sealed record EventQuery(int? Top = null, string? Entity = null, string? From = null, string? To = null);

/// <summary>What the timeline reads of an event: one held with its reports (<see cref="DossierEvent"/>) or one as the
/// exports write it (<see cref="Export.ExportedEvent"/>), so that a stored dossier's timeline holds no document.</summary>
public interface ITimelineEvent
{
    string Class { get; }
    EventStatus Status { get; }
    string? Date { get; }
    IReadOnlyList<string> Participants { get; }
    string? Place { get; }
    double Salience { get; }
    int Documents { get; }
    /// <summary>How many sentences report it.</summary>
    int ReportCount { get; }
}

public static class EventTimeline
{
    /// <param name="entities">Enumerated only to find the entities of <see cref="EventQuery.Entity"/>.</param>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> events, IEnumerable<EntityGroup> entities, EventQuery query) where T : ITimelineEvent
    {
        var selected = events.Where(e => OnTimeline(e));
        if (query.Entity is { } name)
        {
            var ids = entities.Where(e => e.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                    || e.Aliases.Any(a => a.Contains(name, StringComparison.OrdinalIgnoreCase)))
                .Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(e => e.Participants.Any(ids.Contains) || e.Place is { } place && ids.Contains(place));
        }
        if (query.From is not null || query.To is not null)
        {
            selected = selected.Where(e => e.Date is { } date && EventDates.Bounds(date) is { } bounds
                && (query.From is null || string.CompareOrdinal(bounds.Last, EventDates.Bounds(query.From)?.First ?? query.From) >= 0)
                && (query.To is null || string.CompareOrdinal(bounds.First, EventDates.Bounds(query.To)?.Last ?? query.To) <= 0));
        }
        if (query.Top is { } top)
        {
            // Salience (how many documents tell of its day), then how many documents and sentences report it;
            // the day's main event before a second event of a day already listed, since salience is the day's.
            var ranked = selected.OrderByDescending(e => e.Salience).ThenByDescending(e => e.Documents).ThenByDescending(e => e.ReportCount)
                .ThenBy(e => e.Date ?? "~", StringComparer.Ordinal).ToList();
            var days = new HashSet<string>(StringComparer.Ordinal);
            var firstOfTheirDay = ranked.Where(e => e.Date is null || days.Add(e.Date)).ToList();
            selected = firstOfTheirDay.Concat(ranked.Except(firstOfTheirDay)).Take(top);
        }
        return selected.OrderBy(e => SortKey(e.Date), StringComparer.Ordinal).ToArray();
    }

    /// <summary>Whether an event is a point of the timeline: not an undated plan or attribution (those stay
    /// events of the dossier, with their status, but say nothing of when).</summary>
    public static bool OnTimeline(ITimelineEvent ev) => !(ev.Date is null && (ev.Status == EventStatus.Planned || ev.Class == EventLexicon.StatementClass));

    /// <summary>Known dates first in calendar order, each by the first day it may mean (a week, season or
    /// quarter among the days of its year, not after them), a wider one before a narrower one of the same
    /// first day ("2018" before "2018-01", "2018-W47" before its Monday); then unknown years ("XXXX-01-03"); then undated.</summary>
    public static string SortKey(string? date) =>
        date is null ? "\uFFFF"
        : EventDates.Extent(date) is var (first, last) ? $"{first:yyyy-MM-dd} {MaxDays - (last.DayNumber - first.DayNumber):D6} {date}"
        : date.Replace('X', '~');

    /// <summary>More days than any extent a date value may have, so that a wider one sorts first.</summary>
    private const int MaxDays = 999_999;
}
