using System.Globalization;
using System.Text.Json;
using Dossier.Storage.Browse;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Writing the reading index: a build writes only the items that differ from the stored ones
/// and removes those gone, so that adding a few documents to a large dossier rewrites the items they
/// change, not every document's compressed detail (the name indexes follow the items by triggers).</summary>
public sealed partial class SqliteDossierStore
{
    public void WriteBrowseIndex(IEnumerable<BrowseItem> items) => WriteBrowse(items, null);

    public void WriteBrowseChanges(IEnumerable<BrowseItem> items, BrowseScope scope) => WriteBrowse(items, scope);

    /// <summary>The write of the reading index under way: the items are made as they are written, from
    /// what they read of the store in its transaction.</summary>
    private SqliteTransaction? _browseTransaction;

    /// <param name="scope">The stored items the items written replace (null: all of them, the index is written whole).</param>
    private void WriteBrowse(IEnumerable<BrowseItem> items, BrowseScope? scope)
    {
        using var transaction = _connection.BeginTransaction();
        _browseTransaction = transaction;
        try
        {
            WriteBrowse(items, scope, transaction);
        }
        finally
        {
            _browseTransaction = null;
        }
    }

    private void WriteBrowse(IEnumerable<BrowseItem> items, BrowseScope? scope, SqliteTransaction transaction)
    {
        // Digests stored with the items (schema 40): none is read back or inflated to be compared.
        var stored = new Dictionary<(string Kind, string Id), (long Row, long Rank, long? Digest, long? Basis)>();
        void ReadStored(SqliteCommand read)
        {
            using var reader = read.ExecuteReader();
            while (reader.Read())
                stored[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }
        if (scope is null)
            using (var read = Command("SELECT kind, id, rowid, rank, digest, basis FROM browse_items", transaction)) ReadStored(read);
        else
            foreach (var (kind, ids) in scope.Kinds)
            {
                using var read = Command(ids is null ? "SELECT kind, id, rowid, rank, digest, basis FROM browse_items WHERE kind = $kind" : """
                    SELECT i.kind, i.id, i.rowid, i.rank, i.digest, i.basis FROM (SELECT DISTINCT value FROM json_each($ids)) w CROSS JOIN browse_items i
                    WHERE i.kind = $kind AND i.id = w.value
                    """, transaction);
                read.Parameters.AddWithValue("$kind", kind);
                if (ids is not null) read.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
                ReadStored(read);
            }

        // Changed items are set aside in temporary tables (their details compressed) until every stale one is removed: an item may
        // take the rank another leaves. They are written there as they are made, not held: the index written whole, at 10,000
        // articles, held 216,000 items until its end.
        // An item made again the same (its document changed, not what it shows) keeps its row; a new basis is written to it.
        using (var aside = Command("""
            CREATE TEMP TABLE IF NOT EXISTS browse_made (kind TEXT, id TEXT, rank INTEGER, date TEXT, weight INTEGER, names TEXT, summary TEXT, detail BLOB, digest INTEGER, basis INTEGER);
            CREATE TEMP TABLE IF NOT EXISTS browse_made_facets (kind TEXT, facet TEXT, rank INTEGER);
            DELETE FROM browse_made; DELETE FROM browse_made_facets;
            """, transaction))
            aside.ExecuteNonQuery();
        using var setAside = Command("""
            INSERT INTO browse_made (kind, id, rank, date, weight, names, summary, detail, digest, basis)
            VALUES ($kind, $id, $rank, $date, $weight, $names, $summary, $detail, $digest, $basis)
            """, transaction);
        using var setFacetAside = Command("INSERT INTO browse_made_facets (kind, facet, rank) VALUES ($kind, $facet, $rank)", transaction);
        using var readFacets = Command("SELECT facet FROM browse_facets WHERE kind = $kind AND rank = $rank", transaction);
        using var removeFacet = Command("DELETE FROM browse_facets WHERE kind = $kind AND facet = $facet AND rank = $rank", transaction);
        // Items made again at the rank they had keep the facets they still have: an event that gains a report
        // wrote again a facet for each of its documents (447,040 rows at 100,000 articles), not the one it gained.
        var facetsKept = new HashSet<(string, string)>();
        using var unvote = Command("DELETE FROM browse_event_votes WHERE event = $event", transaction);
        using var vote = Command("INSERT OR REPLACE INTO browse_event_votes (event, day, doc, weight) VALUES ($event, $day, $doc, $weight)", transaction);
        var rebased = new List<(long Row, long Basis)>();
        var unchanged = new HashSet<(string, string)>();
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.IsKept)
            {
                if (!stored.ContainsKey((item.Kind, item.Id))) throw new InvalidOperationException($"no stored {item.Kind} {item.Id} to keep");
                unchanged.Add((item.Kind, item.Id));
                continue;
            }
            // An event's votes are written with each event made, whether its item changed or not.
            if (item.Kind == BrowseKinds.Event)
            {
                made.Add(item.Id);
                Run(unvote, ("$event", item.Id));
                foreach (var v in item.Votes) Run(vote, ("$event", v.Event), ("$day", v.Day), ("$doc", v.Document), ("$weight", v.Weight));
            }
            var digest = Digest(item);
            var wasStored = stored.TryGetValue((item.Kind, item.Id), out var old);
            if (wasStored && old.Digest == digest)
            {
                unchanged.Add((item.Kind, item.Id));
                if (item.Basis is { } basis && basis != old.Basis) rebased.Add((old.Row, basis));
                continue;
            }
            Run(setAside, ("$kind", item.Kind), ("$id", item.Id), ("$rank", item.Rank), ("$date", item.Date), ("$weight", item.Weight),
                ("$names", item.Names), ("$summary", item.Summary), ("$detail", item.Detail is null ? null : Compress(item.Detail)), ("$digest", digest), ("$basis", item.Basis));
            var facets = item.Facets;
            if (wasStored && old.Rank == item.Rank)
            {
                var had = Strings(readFacets, ("$kind", item.Kind), ("$rank", item.Rank));
                var has = facets.ToHashSet(StringComparer.Ordinal);
                foreach (var gone in had.Where(f => !has.Contains(f))) Run(removeFacet, ("$kind", item.Kind), ("$facet", gone), ("$rank", item.Rank));
                facets = has.Where(f => !had.Contains(f)).ToArray();
                facetsKept.Add((item.Kind, item.Id));
            }
            foreach (var facet in facets)
                Run(setFacetAside, ("$kind", item.Kind), ("$facet", facet), ("$rank", item.Rank));
        }

        // Nothing kept: the name indexes are emptied first, so that their removal trigger has nothing to
        // look up for each item removed (schema 32).
        if (scope is null && unchanged.Count == 0)
            using (var clear = Command("DELETE FROM browse_name_grams; DELETE FROM browse_name_trigrams;", transaction))
                clear.ExecuteNonQuery();

        using var removeFacets = Command("DELETE FROM browse_facets WHERE kind = $kind AND rank = $rank", transaction);
        using var removeItem = Command("DELETE FROM browse_items WHERE rowid = $row", transaction);
        foreach (var ((kind, id), old) in stored)
        {
            if (unchanged.Contains((kind, id))) continue;
            if (!facetsKept.Contains((kind, id))) Run(removeFacets, ("$kind", kind), ("$rank", old.Rank));
            Run(removeItem, ("$row", old.Row));
            if (kind == BrowseKinds.Event && !made.Contains(id)) Run(unvote, ("$event", id));
        }

        using (var rebase = Command("UPDATE browse_items SET basis = $basis WHERE rowid = $row", transaction))
            foreach (var (row, basis) in rebased) Run(rebase, ("$basis", basis), ("$row", row));

        using (var insert = Command("""
            INSERT INTO browse_items (kind, id, rank, date, weight, names, summary, detail, digest, basis)
            SELECT kind, id, rank, date, weight, names, summary, detail, digest, basis FROM browse_made ORDER BY rowid;
            INSERT OR IGNORE INTO browse_facets (kind, facet, rank) SELECT kind, facet, rank FROM browse_made_facets ORDER BY rowid;
            DELETE FROM browse_made; DELETE FROM browse_made_facets;
            """, transaction))
            insert.ExecuteNonQuery();
        using (var written = Command("""
            DELETE FROM browse_changed_documents; DELETE FROM browse_changed_groups; DELETE FROM browse_state; DELETE FROM browse_tracked;
            INSERT INTO browse_state (written_at) VALUES ($at); INSERT INTO browse_tracked (maker) VALUES ($maker);
            """, transaction))
        {
            written.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            written.Parameters.AddWithValue("$maker", BrowseIndex.Maker);
            written.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The first column of every row a command reads.</summary>
    private static HashSet<string> Strings(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Bind(command, parameters).ExecuteReader();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    /// <remarks>An event's documents are found from its document facets (BrowseQuery.DocumentFacet).</remarks>
    public IReadOnlyDictionary<(string Kind, string Id), long> BrowseBases()
    {
        var bases = new Dictionary<(string, string), long>();
        using var command = Command($"""
            SELECT kind, id, basis FROM browse_items
            WHERE kind = 'document' AND basis IS NOT NULL
              AND CAST(substr(id, 2) AS INTEGER) NOT IN (SELECT doc_id FROM browse_changed_documents)
            UNION ALL
            SELECT kind, id, basis FROM browse_items
            WHERE kind = 'event' AND basis IS NOT NULL
              AND rank NOT IN (SELECT f.rank FROM browse_changed_documents c CROSS JOIN browse_facets f WHERE f.kind = 'event' AND f.facet = {BrowseQuery.DocumentFacetOf("c.doc_id")})
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read()) bases[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return bases;
    }

    /// <summary>The digest of everything an item shows and is found by (its facets as a set).</summary>
    private static long Digest(BrowseItem item)
    {
        using var digest = new PartsDigest();
        foreach (var part in new[] { item.Kind, item.Id, item.Rank.ToString(CultureInfo.InvariantCulture), item.Date, item.Weight.ToString(CultureInfo.InvariantCulture),
                     item.Names, item.Summary, item.Detail, string.Join('\n', item.Facets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) })
            digest.Add(part);
        return digest.Finish();
    }
}
