using System.Globalization;
using Dossier.Storage.Browse;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>The reading index (schema 4), written with COPY.</summary>
public sealed partial class PostgresDossierStore
{
    public bool BrowseIndexIsCurrent() => Scalar("SELECT EXISTS (SELECT 1 FROM browse_state)") is true;

    /// <summary>None: the index is written whole, by COPY.</summary>
    public IReadOnlyDictionary<(string Kind, string Id), long> BrowseBases() => new Dictionary<(string, string), long>();

    public void WriteBrowseIndex(IEnumerable<BrowseItem> items)
    {
        using var transaction = _connection.BeginTransaction();
        Execute("DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state;");
        // Items are written as they are made, not held (a document's detail holds its text); their facets are kept for the second copy.
        var facets = new List<(string Kind, string Facet, long Rank)>();
        IEnumerable<BrowseItem> Written()
        {
            foreach (var item in items)
            {
                if (item.IsKept) throw new InvalidOperationException("the reading index is written whole here: an item to keep has nothing to keep");
                facets.AddRange(item.Facets.Distinct(StringComparer.Ordinal).Select(facet => (item.Kind, facet, item.Rank)));
                yield return item;
            }
        }
        Copy("browse_items (kind, id, rank, date, weight, names, summary, detail)", Written(), (row, item) =>
        {
            row.Write(item.Kind, NpgsqlDbType.Text);
            row.Write(item.Id, NpgsqlDbType.Text);
            row.Write(item.Rank, NpgsqlDbType.Bigint);
            WriteNullable(row, item.Date);
            row.Write(item.Weight, NpgsqlDbType.Integer);
            WriteNullable(row, item.Names);
            row.Write(item.Summary, NpgsqlDbType.Text);
            WriteNullable(row, item.Detail);
        });
        Copy("browse_facets (kind, facet, rank)", facets, (row, f) =>
        {
            row.Write(f.Kind, NpgsqlDbType.Text);
            row.Write(f.Facet, NpgsqlDbType.Text);
            row.Write(f.Rank, NpgsqlDbType.Bigint);
        });
        Execute("INSERT INTO browse_state (written_at) VALUES (now())");
        transaction.Commit();
    }

    /// <summary>Text {0} holds text {1}: a LIKE pattern with the part's own wildcards escaped, which the
    /// planner reads as a constant and answers from the names' trigram index (schema 10); strpos read every name.</summary>
    private const string Contains = @"{0} LIKE '%' || replace(replace(replace({1}, '\', '\\'), '%', '\%'), '_', '\_') || '%'";

    public BrowsePage Browse(BrowseFilter filter, int offset, int limit)
    {
        var total = Convert.ToInt32(BrowseScalar(filter, "count(*)", ""), CultureInfo.InvariantCulture);
        var (sql, parameters) = BrowseQuery.Build(filter, "i.rank, i.kind, i.date, i.summary", "ORDER BY i.rank LIMIT @limit OFFSET @offset", Contains);
        using var page = Command($"SELECT p.summary, d.summary FROM ({sql}) p {BrowseQuery.DaySalienceOf("p", "d")} ORDER BY p.rank");
        foreach (var (name, value) in parameters) page.Parameters.AddWithValue(name, value);
        page.Parameters.AddWithValue("limit", limit);
        page.Parameters.AddWithValue("offset", offset);
        return new BrowsePage(total, ReadAll(page, Shown));
    }

    private object? BrowseScalar(BrowseFilter filter, string columns, string order)
    {
        var (sql, parameters) = BrowseQuery.Build(filter, columns, order, Contains);
        using var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    public bool BrowseHas(string kind, string id) =>
        Scalar("SELECT EXISTS (SELECT 1 FROM browse_items WHERE kind = @kind AND id = @id)", ("kind", kind), ("id", id)) is true;

    public string? BrowseDetail(string kind, string id)
    {
        using var command = Command($"SELECT coalesce(i.detail, i.summary), d.summary FROM browse_items i {BrowseQuery.DaySalienceOf("i", "d")} WHERE i.kind = @kind AND i.id = @id");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        return ReadAll(command, Shown).SingleOrDefault();
    }

    /// <summary>An item's text (its first column) as shown, with its day's salience (its second, null for none).</summary>
    private static string Shown(Npgsql.NpgsqlDataReader row) => BrowseIndex.Shown(row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1));
}
