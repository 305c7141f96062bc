using System.Globalization;
using System.Text;
using Dossier.Storage.Browse;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The reading index's lists: the ranks of a page from indexes, then that page's items.</summary>
public sealed partial class SqliteDossierStore
{
    public BrowsePage Browse(BrowseFilter filter, int offset, int limit)
    {
        using var count = BrowseCommand(filter, page: false);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var page = BrowseCommand(filter, page: true);
        page.Parameters.AddWithValue("$limit", limit);
        page.Parameters.AddWithValue("$offset", offset);
        var items = new List<string>(Math.Min(limit, Math.Max(0, total - offset)));
        using var reader = page.ExecuteReader();
        while (reader.Read()) items.Add(BrowseIndex.Shown(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return new BrowsePage(total, items);
    }

    /// <summary>The items a filter keeps: their count, or with <paramref name="page"/> their summaries
    /// in rank order from $offset, at most $limit. The ranks come first from one index, in rank order
    /// where it allows — a part of a name from a name index (schema 32), else the first facet's, else
    /// the items' own (a top k from the weight index) — with the other conditions tested on each;
    /// only the page's items are read.</summary>
    private SqliteCommand BrowseCommand(BrowseFilter filter, bool page)
    {
        filter = BrowseQuery.OwnFacetsFirst(filter);
        var facets = filter.Facets ?? [];
        var dated = filter.From is not null || filter.To is not null;
        var (source, where, rank, firstFacet) = filter switch
        {
            { NameContains: { Length: > 0 } part } when ByTrigrams(part) =>
                // The key's low 56 bits are the rank (schema 40); the range is the kind's (NULL, so nothing, for a kind without names).
                ("browse_name_trigrams n", "browse_name_trigrams MATCH $names AND n.rowid BETWEEN (SELECT code << 56 FROM browse_kinds WHERE kind = $kind) AND (SELECT (code << 56) + 72057594037927935 FROM browse_kinds WHERE kind = $kind)",
                    "(n.rowid & 72057594037927935)", 0),
            { NameContains: { Length: > 0 } } => ("browse_name_grams n", "n.kind = $kind AND n.gram = $names", "n.rank", 0),
            { Top: null } when BrowseQuery.FirstFacetIsOwn(filter) => ("browse_facets f", "f.kind = $kind AND f.facet = $facet0", "f.rank", 1),
            _ => ("browse_items i", "i.kind = $kind", "i.rank", 0),
        };
        if (rank != "i.rank" && (dated || filter.Top is not null)) source += $" JOIN browse_items i ON i.kind = $kind AND i.rank = {rank}";
        var ranks = $"SELECT {rank} AS rank FROM {source} WHERE {where}{Conditions(filter, rank, firstFacet)}";
        if (filter.Top is not null) ranks = $"SELECT rank FROM ({ranks} ORDER BY i.weight DESC, i.rank LIMIT $top)";

        var command = Command(page
            ? $"WITH shown AS ({ranks} ORDER BY 1 LIMIT $limit OFFSET $offset) SELECT i.summary, d.summary FROM shown s JOIN browse_items i ON i.kind = $kind AND i.rank = s.rank {BrowseQuery.DaySalienceOf("i", "d")} ORDER BY s.rank"
            : $"SELECT count(*) FROM ({ranks})");
        command.Parameters.AddWithValue("$kind", filter.Kind);
        for (var k = 0; k < facets.Count; k++) command.Parameters.AddWithValue($"$facet{k}", facets[k]);
        if (filter.From is { } from)
        {
            command.Parameters.AddWithValue("$from", from);
            for (var k = 0; k < 3; k++) command.Parameters.AddWithValue($"$from{k}", from[..Math.Min(from.Length, 4 + 3 * k)]);
        }
        if (filter.To is not null) command.Parameters.AddWithValue("$to", filter.To + "~");
        if (filter.NameContains is { Length: > 0 } name)
            command.Parameters.AddWithValue("$names", ByTrigrams(name) ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name);
        if (filter.Top is { } top) command.Parameters.AddWithValue("$top", top);
        return command;
    }

    /// <summary>Whether a part of a name is looked up in the trigram index, which finds parts of three
    /// characters or more; shorter ones are rows of browse_name_grams.</summary>
    private static bool ByTrigrams(string part) => part.EnumerateRunes().Skip(2).Any();

    /// <summary>The filter's conditions on items <c>i</c> (whose rank is <paramref name="rank"/>), facets
    /// from <paramref name="firstFacet"/> on. Dates are an index range, from the bound's year (or '0')
    /// to <c>to</c> followed by '~' (above every character of a date: a date that starts as
    /// <c>to</c> does is in) or else ':' (after the digits: only dates of a known year are in a range);
    /// within it, a date is not before <c>from</c> when it is after it or one of its prefixes ("2016",
    /// "2016-04" for from 2016-04-18).</summary>
    private static string Conditions(BrowseFilter filter, string rank, int firstFacet)
    {
        var sql = new StringBuilder();
        if (filter.From is not null || filter.To is not null)
        {
            sql.Append(filter.From is null ? " AND i.date >= '0'" : " AND i.date >= $from0 AND (i.date >= $from OR i.date IN ($from0, $from1, $from2))");
            sql.Append(filter.To is null ? " AND i.date < ':'" : " AND i.date <= $to");
        }
        for (var k = firstFacet; k < (filter.Facets?.Count ?? 0); k++)
            sql.Append(BrowseQuery.ThroughDocuments(filter.Kind, filter.Facets![k])
                ? " AND " + BrowseQuery.InDocumentsWith(rank, "$kind", $"$facet{k}")
                : $" AND EXISTS (SELECT 1 FROM browse_facets g WHERE g.kind = $kind AND g.facet = $facet{k} AND g.rank = {rank})");
        return sql.ToString();
    }
}
