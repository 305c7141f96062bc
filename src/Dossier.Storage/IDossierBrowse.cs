namespace Dossier.Storage;

/// <summary>One object of a dossier as a reader pages through it: a document, entity, event, series,
/// story, duplicate group or graph edge, as JSON shaped like the export.</summary>
/// <param name="Kind">What it is: one of <see cref="BrowseKinds"/>.</param>
/// <param name="Id">Its export id ("d3", "e12", "ev4").</param>
/// <param name="Rank">Its place in the list of its kind: lists are in rank order; ranks are unique within
/// a kind and may have gaps (a document's is its number in the dossier, which no later document moves).</param>
/// <param name="Summary">What a list shows of it (JSON).</param>
public sealed record BrowseItem(string Kind, string Id, long Rank, string Summary)
{
    /// <summary>What a request for this one item shows (JSON), when more than its summary.</summary>
    public string? Detail { get; init; }

    /// <summary>The TIMEX3 date that date ranges filter on: a document's publication, an event's date.</summary>
    public string? Date { get; init; }

    /// <summary>How well attested it is (an event's evidence lines), for a list's top k.</summary>
    public int Weight { get; init; }

    /// <summary>Its names in lower case, one per line, for a name filter.</summary>
    public string? Names { get; init; }

    /// <summary>"name:value" keys a list filters on: "language:fr", "story:s2", "type:PER", "entity:e1".</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>A digest of what the item was made from beside its stored documents (a document's marks
    /// and stories; an event as stored), kept with it: an item whose documents have not
    /// changed since, made from the same basis, is the same item and need not be made again (<see cref="IDossierBrowse.BrowseBases"/>).</summary>
    public long? Basis { get; init; }

    /// <summary>An event's documents as its day's salience counts them, for a store that makes a day's
    /// salience again from its events' votes (<see cref="IBrowseChanges"/>); none for other items.</summary>
    public IReadOnlyList<EventVote> Votes { get; init; } = [];

    /// <summary>Whether this stands for the stored item of that kind and id, unchanged: it has nothing
    /// else to write.</summary>
    public bool IsKept { get; private init; }

    /// <summary>The stored item of that kind and id, kept as it is.</summary>
    public static BrowseItem Kept(string kind, string id) => new(kind, id, 0, "") { IsKept = true };
}

public static class BrowseKinds
{
    public const string Document = "document", Entity = "entity", Event = "event", Series = "series", Story = "story",
        Duplicate = "duplicate", GraphNode = "graph-node", GraphEdge = "graph-edge";

    /// <summary>Not an object of the dossier but a day's salience (its id the day, its summary the number),
    /// which every event dated to that day shows (<see cref="Browse.BrowseIndex.Shown"/>).</summary>
    public const string EventDay = "event-day";
}

/// <summary>Which items of a kind a list shows.</summary>
/// <param name="From">Items whose <see cref="BrowseItem.Date"/> is not before this bound (YYYY[-MM[-DD]]); a date
/// less precise than the bound is in when the bound falls within it ("2016" is in from 2016-04).</param>
/// <param name="To">Items whose date does not start after this bound; with either bound, an item with no
/// date or a year unknown ("XXXX-04-19") is left out.</param>
/// <param name="Facets">Keys every item shown has (all of them).</param>
/// <param name="NameContains">A lower-case part of one of the item's names.</param>
/// <param name="Top">Only the best attested (highest weight, then rank) of the matching items, at most this many.</param>
public sealed record BrowseFilter(string Kind, string? From = null, string? To = null, IReadOnlyList<string>? Facets = null,
    string? NameContains = null, int? Top = null);

/// <summary>A page of a list: the summaries (JSON) in list order, and how many items the filter matched in all.</summary>
public sealed record BrowsePage(int Total, IReadOnlyList<string> Items);

/// <summary>The reading index: every object of a dossier stored as its export JSON with the keys lists
/// filter and sort by, written at the end of a build, so that a reader pages through a dossier of
/// any size from the store instead of holding its export. Any change to the documents or to the
/// corpus results makes it out of date until the next build writes it again.</summary>
public interface IDossierBrowse
{
    /// <summary>Whether the index is written and up to date with the documents and corpus results.</summary>
    bool BrowseIndexIsCurrent();

    /// <summary>Makes the index exactly these items, in one transaction (a store may write only those that
    /// changed); a <see cref="BrowseItem.Kept"/> one keeps the stored item, which only a store that gave
    /// its basis (<see cref="BrowseBases"/>) is sent.</summary>
    void WriteBrowseIndex(IEnumerable<BrowseItem> items);

    /// <summary>The basis of each stored item, by kind and id, whose documents have not changed since the
    /// index was written: a document's item, and an event's whose evidence is in none of the documents
    /// changed; empty when the store keeps none and writes the index whole.</summary>
    IReadOnlyDictionary<(string Kind, string Id), long> BrowseBases();

    /// <summary>The items of a kind matching a filter, in rank order, from <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    BrowsePage Browse(BrowseFilter filter, int offset, int limit);

    /// <summary>One item's detail (its summary when it has none), or null when there is no such item.</summary>
    string? BrowseDetail(string kind, string id);

    /// <summary>Whether there is such an item, its detail left unread (a much mentioned entity's runs to megabytes).</summary>
    bool BrowseHas(string kind, string id);
}
