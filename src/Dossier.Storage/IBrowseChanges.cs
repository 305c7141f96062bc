using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>What changed since the reading index was written: the documents whose item may show
/// something else (added, analysed again, removed, their lines or sources, their marks), and the corpus
/// groups, by kind, that gained, lost or moved members or show something else.</summary>
public sealed record BrowseChanges(IReadOnlySet<long> Documents, IReadOnlyDictionary<string, IReadOnlySet<string>> Groups)
{
    public IReadOnlySet<string> GroupsOf(string kind) => Groups.GetValueOrDefault(kind) ?? new HashSet<string>();
}

/// <summary>Which stored items a write of changed items concerns: those of the kinds given, with the ids given
/// (all of the kind when null). An item concerned that is not written is removed; the others stay as they are.</summary>
public sealed record BrowseScope(IReadOnlyDictionary<string, IReadOnlyCollection<string>?> Kinds);

/// <summary>An event dated to a day, as its day's salience counts it: each of its documents with the weight
/// of its strongest report (<see cref="Core.Events.EventSalience.Votes"/>).</summary>
public sealed record EventVote(string Event, string Day, string Document, double Weight);

/// <summary>A reading index that records what changed since it was written, so that a build makes
/// again the items of what changed alone, read from the store without the other documents; written
/// whole, its items are made a few documents or groups at a time, read as they are written.</summary>
public interface IBrowseChanges : IBatchedReads
{
    /// <summary>What changed since the index was written by <paramref name="maker"/> (<see cref="Browse.BrowseIndex.Maker"/>);
    /// null when the index is to be written whole (never written, written by other code, or emptied).</summary>
    BrowseChanges? BrowseChangesSince(string maker);

    /// <summary>The summaries of the stored items of a kind.</summary>
    IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind);

    /// <summary>The summaries of the stored items of a kind with these ids.</summary>
    IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind, IReadOnlyCollection<string> ids);

    /// <summary>The ranks of the stored items of a kind with these ids.</summary>
    IReadOnlyDictionary<string, long> BrowseRanks(string kind, IReadOnlyCollection<string> ids);

    /// <summary>The stored votes of the events dated to these days.</summary>
    IReadOnlyList<EventVote> EventVotesOn(IReadOnlyCollection<string> days);

    /// <summary>The days the stored votes of these events count for.</summary>
    IReadOnlySet<string> EventVoteDays(IReadOnlyCollection<string> events);

    /// <summary>Writes these items and removes those of the scope not among them, in one transaction, as
    /// <see cref="IDossierBrowse.WriteBrowseIndex"/> writes the whole index; the index is then current.</summary>
    void WriteBrowseChanges(IEnumerable<BrowseItem> items, BrowseScope scope);
}
