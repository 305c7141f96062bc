using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Storage.Sqlite;

/// <summary>Writing the reading index: a build writes only the items that differ from the stored ones
/// and removes those gone, so that adding a few documents to a large dossier rewrites the items they
/// change, not every document's compressed detail (the name indexes follow the items by triggers).</summary>
public sealed partial class SqliteDossierStore
{
    public void WriteBrowseIndex(IEnumerable<BrowseItem> items)
    {
        using var transaction = _connection.BeginTransaction();
        // Digests stored with the items (schema 40): none is read back or inflated to be compared.
        var stored = new Dictionary<(string Kind, string Id), (long Row, long Rank, long? Digest)>();
        using (var read = Command("SELECT kind, id, rowid, rank, digest FROM browse_items", transaction))
        using (var reader = read.ExecuteReader())
            while (reader.Read())
                stored[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));

        // Changed items are held (their details compressed) until every stale one is removed: an item may take the rank another leaves.
        var changed = new List<(BrowseItem Item, long Digest, byte[]? Detail)>();
        var unchanged = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            var digest = Digest(item);
            if (stored.TryGetValue((item.Kind, item.Id), out var old) && old.Digest == digest) unchanged.Add((item.Kind, item.Id));
            else changed.Add((item, digest, item.Detail is null ? null : Compress(item.Detail)));
        }

        // Nothing kept: the name indexes are emptied first, so that their removal trigger has nothing to
        // look up for each item removed (schema 32).
        if (unchanged.Count == 0)
            using (var clear = Command("DELETE FROM browse_name_grams; DELETE FROM browse_name_trigrams;", transaction))
                clear.ExecuteNonQuery();

        using var removeFacets = Command("DELETE FROM browse_facets WHERE kind = $kind AND rank = $rank", transaction);
        using var removeItem = Command("DELETE FROM browse_items WHERE rowid = $row", transaction);
        foreach (var ((kind, id), old) in stored)
        {
            if (unchanged.Contains((kind, id))) continue;
            Run(removeFacets, ("$kind", kind), ("$rank", old.Rank));
            Run(removeItem, ("$row", old.Row));
        }

        using var insert = Command("""
            INSERT INTO browse_items (kind, id, rank, date, weight, names, summary, detail, digest)
            VALUES ($kind, $id, $rank, $date, $weight, $names, $summary, $detail, $digest)
            """, transaction);
        using var insertFacet = Command("INSERT OR IGNORE INTO browse_facets (kind, facet, rank) VALUES ($kind, $facet, $rank)", transaction);
        foreach (var (item, digest, detail) in changed)
        {
            Run(insert, ("$kind", item.Kind), ("$id", item.Id), ("$rank", item.Rank), ("$date", item.Date), ("$weight", item.Weight),
                ("$names", item.Names), ("$summary", item.Summary), ("$detail", detail), ("$digest", digest));
            foreach (var facet in item.Facets)
                Run(insertFacet, ("$kind", item.Kind), ("$facet", facet), ("$rank", item.Rank));
        }
        using (var written = Command("DELETE FROM browse_state; INSERT INTO browse_state (written_at) VALUES ($at)", transaction))
        {
            written.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            written.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The first 8 bytes of the SHA-256 of everything an item shows and is found by (its facets
    /// as a set): equal digests, the same item (a collision among a dossier's items is out of reach).</summary>
    private static long Digest(BrowseItem item)
    {
        // The parts are hashed as they come rather than joined first: a document's detail is its whole
        // text, and joining copied it twice more for every item of every build.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var part in new[] { item.Kind, item.Id, item.Rank.ToString(CultureInfo.InvariantCulture), item.Date, item.Weight.ToString(CultureInfo.InvariantCulture),
                     item.Names, item.Summary, item.Detail, string.Join('\n', item.Facets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) })
        {
            buffer.ResetWrittenCount();
            Encoding.UTF8.GetBytes(part ?? "\u0002", buffer);
            Encoding.UTF8.GetBytes("\u0001", buffer);
            hash.AppendData(buffer.WrittenSpan);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }
}
