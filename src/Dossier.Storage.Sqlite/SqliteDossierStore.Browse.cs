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
        using var count = BrowseCommand(filter, "count(*)", "");
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var page = BrowseCommand(filter, "i.summary", "ORDER BY i.rank LIMIT $limit OFFSET $offset");
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

    /// <summary>The items a filter keeps, as a query selecting <paramref name="columns"/>. With
    /// facets, the first one's index gives the items in rank order; a top k is taken by weight first.</summary>
    private SqliteCommand BrowseCommand(BrowseFilter filter, string columns, string order)
    {
        var facets = filter.Facets ?? [];
        var sql = new StringBuilder();
        var source = filter.Top is null ? "browse_items" : "top_items";
        if (filter.Top is not null)
            sql.Append("WITH top_items AS (SELECT * FROM browse_items i WHERE i.kind = $kind").Append(Conditions(filter, 0))
               .Append(" ORDER BY i.weight DESC, i.rank LIMIT $top) ");
        sql.Append(CultureInfo.InvariantCulture, $"SELECT {columns} FROM ");
        sql.Append(facets.Count > 0 && filter.Top is null
            ? $"browse_facets f JOIN {source} i ON i.kind = f.kind AND i.rank = f.rank WHERE f.kind = $kind AND f.facet = $facet0"
            : $"{source} i WHERE i.kind = $kind");
        if (filter.Top is null) sql.Append(Conditions(filter, facets.Count > 0 ? 1 : 0));
        sql.Append(' ').Append(order);

        var command = Command(sql.ToString());
        command.Parameters.AddWithValue("$kind", filter.Kind);
        for (var k = 0; k < facets.Count; k++) command.Parameters.AddWithValue($"$facet{k}", facets[k]);
        if (filter.From is { } from)
        {
            command.Parameters.AddWithValue("$from", from);
            for (var k = 0; k < 3; k++) command.Parameters.AddWithValue($"$from{k}", from[..Math.Min(from.Length, k switch { 0 => 4, 1 => 7, _ => 10 })]);
        }
        if (filter.To is not null) command.Parameters.AddWithValue("$to", filter.To + "~");
        if (filter.NameContains is not null) command.Parameters.AddWithValue("$names", filter.NameContains);
        if (filter.Top is { } top) command.Parameters.AddWithValue("$top", top);
        return command;
    }

    /// <summary>The filter's conditions on items <c>i</c>. Dates: a date is not before <c>from</c>
    /// when it is after it or one of its prefixes ("2016", "2016-04" for from 2016-04-18); it does
    /// not start after <c>to</c> when it sorts before <c>to</c> followed by '~' (above every
    /// character of a date); only dates of a known year (a digit first) are in a range.</summary>
    private static string Conditions(BrowseFilter filter, int firstFacet)
    {
        var sql = new StringBuilder();
        if (filter.From is not null || filter.To is not null)
            sql.Append(" AND i.date IS NOT NULL AND substr(i.date, 1, 1) BETWEEN '0' AND '9'");
        if (filter.From is not null) sql.Append(" AND (i.date >= $from OR i.date IN ($from0, $from1, $from2))");
        if (filter.To is not null) sql.Append(" AND i.date <= $to");
        if (filter.NameContains is not null) sql.Append(" AND i.names IS NOT NULL AND instr(i.names, $names) > 0");
        for (var k = firstFacet; k < (filter.Facets?.Count ?? 0); k++)
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM browse_facets g WHERE g.kind = i.kind AND g.facet = $facet{k} AND g.rank = i.rank)");
        return sql.ToString();
    }
}
