using System.Globalization;
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
        using var page = BrowseCommand(filter, "i.summary", "ORDER BY i.rank LIMIT @limit OFFSET @offset");
        page.Parameters.AddWithValue("@limit", limit);
        page.Parameters.AddWithValue("@offset", offset);
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

    private SqliteCommand BrowseCommand(BrowseFilter filter, string columns, string order)
    {
        var (sql, parameters) = Storage.Browse.BrowseQuery.Build(filter, columns, order, "instr({0}, {1}) > 0");
        var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue("@" + name, value);
        return command;
    }
}
