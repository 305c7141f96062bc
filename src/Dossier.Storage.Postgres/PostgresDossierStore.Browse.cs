using System.Globalization;
using Dossier.Storage.Browse;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>The reading index (schema 4), written with COPY; what changed since it was written is recorded (schema 17).</summary>
public sealed partial class PostgresDossierStore
{
    /// <summary>Current when written since the last change its export reflects, and no change is recorded since:
    /// a worker's document committed while the index was written clears no mark the write has not yet made.</summary>
    public bool BrowseIndexIsCurrent() => Scalar("""
        SELECT EXISTS (SELECT 1 FROM browse_state) AND NOT EXISTS (SELECT 1 FROM browse_changed_documents) AND NOT EXISTS (SELECT 1 FROM browse_changed_groups)
        """) is true;

    /// <summary>None: items are made again, not kept (the index records what changed instead, <see cref="IBrowseChanges"/>).</summary>
    public IReadOnlyDictionary<(string Kind, string Id), long> BrowseBases() => new Dictionary<(string, string), long>();

    public void WriteBrowseIndex(IEnumerable<BrowseItem> items) => WriteBrowse(items, null);

    public void WriteBrowseChanges(IEnumerable<BrowseItem> items, BrowseScope scope) =>
        WriteBrowse(items, scope, _browseChangesRead ?? throw new InvalidOperationException("the changes written were not read (BrowseChangesSince)"));

    /// <summary>"DoSV": one writer of the reading index at a time.</summary>
    private const long BrowseLock = 0x446F5356;

    /// <summary>Items copied at a time, or fewer when their text passes <see cref="BrowseBatchChars"/>: the items are
    /// made from what they read of the database, on the connection a copy holds while it runs.</summary>
    private const int BrowseBatch = 2_000, BrowseBatchChars = 16 << 20;

    /// <param name="scope">The stored items the items written replace (null: all of them, the index is written whole).</param>
    /// <param name="read">The transactions whose recorded changes the items show (null: those committed when the whole write begins).</param>
    private void WriteBrowse(IEnumerable<BrowseItem> items, BrowseScope? scope, long[]? read = null)
    {
        using var transaction = _connection.BeginTransaction();
        Execute($"SELECT pg_advisory_xact_lock({BrowseLock})");
        if (read is null)
            using (var command = Command("SELECT xact FROM browse_changed_documents UNION SELECT xact FROM browse_changed_groups"))
                read = [.. ReadAll(command, r => r.GetInt64(0))];
        if (scope is null) Execute("DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_event_votes;");
        else
            foreach (var (kind, ids) in scope.Kinds)
                if (ids is null)
                    Execute("DELETE FROM browse_facets WHERE kind = @kind; DELETE FROM browse_items WHERE kind = @kind;"
                        + (kind == BrowseKinds.Event ? " DELETE FROM browse_event_votes;" : ""), ("kind", kind));
                else
                    Execute("""
                        DELETE FROM browse_facets f USING browse_items i WHERE i.kind = @kind AND i.id = ANY(@ids) AND f.kind = i.kind AND f.rank = i.rank;
                        DELETE FROM browse_items WHERE kind = @kind AND id = ANY(@ids);
                        """ + (kind == BrowseKinds.Event ? " DELETE FROM browse_event_votes WHERE event = ANY(@ids);" : ""), ("kind", kind), ("ids", ids.ToArray()));

        var batch = new List<BrowseItem>();
        var chars = 0L;
        foreach (var item in items)
        {
            if (item.IsKept) throw new InvalidOperationException("every item is made here: an item to keep has nothing to keep");
            batch.Add(item);
            chars += item.Summary.Length + (item.Detail?.Length ?? 0);
            if (batch.Count < BrowseBatch && chars < BrowseBatchChars) continue;
            CopyItems(batch);
            (batch, chars) = ([], 0);
        }
        CopyItems(batch);

        Execute("""
            DELETE FROM browse_changed_documents WHERE xact = ANY(@read); DELETE FROM browse_changed_groups WHERE xact = ANY(@read);
            DELETE FROM browse_state; DELETE FROM browse_tracked;
            INSERT INTO browse_state (written_at) VALUES (now()); INSERT INTO browse_tracked (maker) VALUES (@maker);
            """, ("read", read), ("maker", BrowseIndex.Maker));
        transaction.Commit();
        _browseChangesRead = null;
    }

    private void CopyItems(List<BrowseItem> items)
    {
        if (items.Count == 0) return;
        Copy("browse_items (kind, id, rank, date, weight, names, summary, detail)", items, (row, item) =>
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
        Copy("browse_facets (kind, facet, rank)", items.SelectMany(item => item.Facets.Distinct(StringComparer.Ordinal).Select(facet => (item.Kind, Facet: facet, item.Rank))), (row, f) =>
        {
            row.Write(f.Kind, NpgsqlDbType.Text);
            row.Write(f.Facet, NpgsqlDbType.Text);
            row.Write(f.Rank, NpgsqlDbType.Bigint);
        });
        Copy("browse_event_votes (event, day, doc, weight)", items.SelectMany(item => item.Votes), (row, v) =>
        {
            row.Write(v.Event, NpgsqlDbType.Text);
            row.Write(v.Day, NpgsqlDbType.Text);
            row.Write(v.Document, NpgsqlDbType.Text);
            row.Write(v.Weight, NpgsqlDbType.Double);
        });
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
        return ReadAll(command, row => (Json: row.GetString(0), DaySalience: row.IsDBNull(1) ? null : row.GetString(1))).ToArray() is [var item]
            ? BrowseIndex.ShownDetail(kind, item.Json, item.DaySalience, BrowseSummaries)
            : null;
    }

    /// <summary>An item's text (its first column) as shown, with its day's salience (its second, null for none).</summary>
    private static string Shown(Npgsql.NpgsqlDataReader row) => BrowseIndex.Shown(row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1));
}
