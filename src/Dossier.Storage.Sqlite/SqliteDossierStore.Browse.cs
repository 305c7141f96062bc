using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The reading index (schema 27).</summary>
public sealed partial class SqliteDossierStore
{
    public bool BrowseIndexIsCurrent()
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM browse_state)");
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void WriteBrowseIndex(IEnumerable<BrowseItem> items)
    {
        using var transaction = _connection.BeginTransaction();
        using (var clear = Command("DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state;", transaction))
            clear.ExecuteNonQuery();
        using var insert = Command("""
            INSERT INTO browse_items (kind, id, rank, date, weight, names, summary, detail)
            VALUES ($kind, $id, $rank, $date, $weight, $names, $summary, $detail)
            """, transaction);
        using var insertFacet = Command("INSERT OR IGNORE INTO browse_facets (kind, facet, rank) VALUES ($kind, $facet, $rank)", transaction);
        foreach (var item in items)
        {
            Run(insert, ("$kind", item.Kind), ("$id", item.Id), ("$rank", item.Rank), ("$date", item.Date), ("$weight", item.Weight),
                ("$names", item.Names), ("$summary", item.Summary), ("$detail", item.Detail));
            foreach (var facet in item.Facets)
                Run(insertFacet, ("$kind", item.Kind), ("$facet", facet), ("$rank", item.Rank));
        }
        using (var written = Command("INSERT INTO browse_state (written_at) VALUES ($at)", transaction))
        {
            written.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            written.ExecuteNonQuery();
        }
        transaction.Commit();
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
        using var command = Command("SELECT coalesce(detail, summary) FROM browse_items WHERE kind = $kind AND id = $id");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string;
    }

    /// <summary>The items a filter keeps: their count, or with <paramref name="page"/> their summaries
    /// in rank order from $offset, at most $limit. A top k first takes the ranks of the k best attested
    /// (from the weight index); otherwise the first facet's index gives the ranks in order, and the
    /// items themselves are read only for the page or for a condition on them; a whole kind is
    /// counted by its last rank.</summary>
    private SqliteCommand BrowseCommand(BrowseFilter filter, bool page)
    {
        var facets = filter.Facets ?? [];
        var onItems = filter.From is not null || filter.To is not null || filter.NameContains is not null;
        var sql = new StringBuilder();
        if (filter.Top is not null)
        {
            sql.Append("WITH chosen AS (SELECT i.rank FROM browse_items i WHERE i.kind = $kind").Append(Conditions(filter, "i.rank", 0))
               .Append(" ORDER BY i.weight DESC, i.rank LIMIT $top) ");
            sql.Append(page
                ? "SELECT i.summary FROM chosen c JOIN browse_items i ON i.kind = $kind AND i.rank = c.rank ORDER BY c.rank LIMIT $limit OFFSET $offset"
                : "SELECT count(*) FROM chosen");
        }
        else if (facets.Count > 0)
        {
            sql.Append(page ? "SELECT i.summary" : "SELECT count(*)").Append(" FROM browse_facets f");
            if (page || onItems) sql.Append(" JOIN browse_items i ON i.kind = f.kind AND i.rank = f.rank");
            sql.Append(" WHERE f.kind = $kind AND f.facet = $facet0").Append(Conditions(filter, "f.rank", 1));
            if (page) sql.Append(" ORDER BY f.rank LIMIT $limit OFFSET $offset");
        }
        else if (!page && !onItems)
        {
            sql.Append("SELECT coalesce(max(rank) + 1, 0) FROM browse_items WHERE kind = $kind");
        }
        else
        {
            sql.Append(page ? "SELECT i.summary" : "SELECT count(*)").Append(" FROM browse_items i WHERE i.kind = $kind").Append(Conditions(filter, "i.rank", 0));
            if (page) sql.Append(" ORDER BY i.rank LIMIT $limit OFFSET $offset");
        }

        var command = Command(sql.ToString());
        command.Parameters.AddWithValue("$kind", filter.Kind);
        for (var k = 0; k < facets.Count; k++) command.Parameters.AddWithValue($"$facet{k}", facets[k]);
        if (filter.From is { } from)
        {
            command.Parameters.AddWithValue("$from", from);
            for (var k = 0; k < 3; k++) command.Parameters.AddWithValue($"$from{k}", from[..Math.Min(from.Length, 4 + 3 * k)]);
        }
        if (filter.To is not null) command.Parameters.AddWithValue("$to", filter.To + "~");
        if (filter.NameContains is not null) command.Parameters.AddWithValue("$names", filter.NameContains);
        if (filter.Top is { } top) command.Parameters.AddWithValue("$top", top);
        return command;
    }

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
        if (filter.NameContains is not null) sql.Append(" AND i.names IS NOT NULL AND instr(i.names, $names) > 0");
        for (var k = firstFacet; k < (filter.Facets?.Count ?? 0); k++)
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM browse_facets g WHERE g.kind = $kind AND g.facet = $facet{k} AND g.rank = {rank})");
        return sql.ToString();
    }
}
