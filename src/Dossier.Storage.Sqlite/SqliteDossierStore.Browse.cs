using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The reading index (schema 27; details compressed since schema 28).</summary>
public sealed partial class SqliteDossierStore
{
    public bool BrowseIndexIsCurrent()
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM browse_state)");
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public BrowsePage Browse(BrowseFilter filter, int offset, int limit)
    {
        using var count = BrowseCommand(filter, page: false);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var page = BrowseCommand(filter, page: true);
        page.Parameters.AddWithValue("$limit", limit);
        page.Parameters.AddWithValue("$offset", offset);
        var items = new List<string>(Math.Min(limit, Math.Max(0, total - offset)));
        using var reader = page.ExecuteReader();
        while (reader.Read()) items.Add(reader.GetString(0));
        return new BrowsePage(total, items);
    }

    public string? BrowseDetail(string kind, string id)
    {
        using var command = Command("SELECT detail, summary FROM browse_items WHERE kind = $kind AND id = $id");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return reader.IsDBNull(0) ? reader.GetString(1) : Decompress(reader.GetStream(0));
    }

    /// <summary>JSON as UTF-8, DEFLATE-compressed (zlib format): a detail is read one at a time, and
    /// inflating one (80 µs for a document's) costs far less than the space it saves (a third of the size).</summary>
    private static byte[] Compress(string json)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal))
            zlib.Write(Encoding.UTF8.GetBytes(json));
        return buffer.ToArray();
    }

    private static string Decompress(Stream compressed)
    {
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var text = new StreamReader(zlib, Encoding.UTF8);
        return text.ReadToEnd();
    }

    /// <summary>The items a filter keeps: their count, or with <paramref name="page"/> their summaries
    /// in rank order from $offset, at most $limit. The ranks of the page are taken first, from indexes
    /// alone where the filter allows (a top k from the weight index, a facet from its own), and only
    /// the page's items are read; a whole kind is counted by its last rank.</summary>
    private SqliteCommand BrowseCommand(BrowseFilter filter, bool page)
    {
        var facets = filter.Facets ?? [];
        var onItems = filter.From is not null || filter.To is not null || filter.NameContains is not null;
        // Items found by a part of their names come from the trigram index first (CROSS JOIN keeps
        // that order: otherwise every item of the kind is read to test whether the index holds it).
        var items = filter.NameContains is { } named && ByTrigrams(named)
            ? "browse_names n CROSS JOIN browse_items i ON i.rowid = n.rowid WHERE browse_names MATCH $names AND i.kind = $kind"
            : null;
        string ranks;
        if (filter.Top is not null)
            ranks = $"SELECT rank FROM (SELECT i.rank FROM {items ?? "browse_items i WHERE i.kind = $kind"}{Conditions(filter, "i.rank", 0)} ORDER BY i.weight DESC, i.rank LIMIT $top)";
        else if (facets.Count > 0 && items is null)
            ranks = $"SELECT f.rank FROM browse_facets f{(onItems ? " JOIN browse_items i ON i.kind = f.kind AND i.rank = f.rank" : "")} WHERE f.kind = $kind AND f.facet = $facet0{Conditions(filter, "f.rank", 1)}";
        else
            ranks = $"SELECT i.rank FROM {items ?? "browse_items i WHERE i.kind = $kind"}{Conditions(filter, "i.rank", 0)}";

        var command = Command(page
            ? $"WITH shown AS ({ranks} ORDER BY 1 LIMIT $limit OFFSET $offset) SELECT i.summary FROM shown s JOIN browse_items i ON i.kind = $kind AND i.rank = s.rank ORDER BY s.rank"
            : filter.Top is null && facets.Count == 0 && !onItems ? "SELECT coalesce(max(rank) + 1, 0) FROM browse_items WHERE kind = $kind" : $"SELECT count(*) FROM ({ranks})");
        command.Parameters.AddWithValue("$kind", filter.Kind);
        for (var k = 0; k < facets.Count; k++) command.Parameters.AddWithValue($"$facet{k}", facets[k]);
        if (filter.From is { } from)
        {
            command.Parameters.AddWithValue("$from", from);
            for (var k = 0; k < 3; k++) command.Parameters.AddWithValue($"$from{k}", from[..Math.Min(from.Length, 4 + 3 * k)]);
        }
        if (filter.To is not null) command.Parameters.AddWithValue("$to", filter.To + "~");
        if (filter.NameContains is { } part)
            command.Parameters.AddWithValue("$names", ByTrigrams(part) ? $"\"{part.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : part);
        if (filter.Top is { } top) command.Parameters.AddWithValue("$top", top);
        return command;
    }

    /// <summary>Whether a part of a name is looked up in the trigram index: it finds only parts of three characters or more.</summary>
    private static bool ByTrigrams(string part) => part.EnumerateRunes().Skip(2).Any();

    /// <summary>The filter's conditions on items <c>i</c> (whose rank is <paramref name="rank"/>), facets
    /// from <paramref name="firstFacet"/> on. Dates are an index range, from the bound's year (or '0')
    /// to <c>to</c> followed by '~' (above every character of a date: a date that starts as
    /// <c>to</c> does is in) or else ':' (after the digits: only dates of a known year are in a range);
    /// within it, a date is not before <c>from</c> when it is after it or one of its prefixes ("2016",
    /// "2016-04" for from 2016-04-18). A part of a name too short for the trigram index is looked
    /// for in every name of the kind.</summary>
    private static string Conditions(BrowseFilter filter, string rank, int firstFacet)
    {
        var sql = new StringBuilder();
        if (filter.From is not null || filter.To is not null)
        {
            sql.Append(filter.From is null ? " AND i.date >= '0'" : " AND i.date >= $from0 AND (i.date >= $from OR i.date IN ($from0, $from1, $from2))");
            sql.Append(filter.To is null ? " AND i.date < ':'" : " AND i.date <= $to");
        }
        if (filter.NameContains is { } part && !ByTrigrams(part)) sql.Append(" AND i.names IS NOT NULL AND instr(i.names, $names) > 0");
        for (var k = firstFacet; k < (filter.Facets?.Count ?? 0); k++)
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM browse_facets g WHERE g.kind = $kind AND g.facet = $facet{k} AND g.rank = {rank})");
        return sql.ToString();
    }
}
