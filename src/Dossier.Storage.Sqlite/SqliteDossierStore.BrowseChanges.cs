using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Microsoft.Data.Sqlite;
using Dossier.Storage.Browse;

namespace Dossier.Storage.Sqlite;

/// <summary>What changed since the reading index was written (schema 47), and what the items of what
/// changed are made from, read without the other documents.</summary>
public sealed partial class SqliteDossierStore : IBrowseChanges
{
    public BrowseChanges? BrowseChangesSince(string maker)
    {
        using (var tracked = Command("SELECT EXISTS (SELECT 1 FROM browse_tracked WHERE maker = $maker) AND EXISTS (SELECT 1 FROM browse_items)"))
        {
            tracked.Parameters.AddWithValue("$maker", maker);
            if (Convert.ToInt64(tracked.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        }
        var documents = new HashSet<long>();
        using (var command = Command("SELECT doc_id FROM browse_changed_documents"))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) documents.Add(reader.GetInt64(0));
        var groups = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using (var command = Command("SELECT kind, id FROM browse_changed_groups"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                if (!groups.TryGetValue(reader.GetString(0), out var ids)) groups[reader.GetString(0)] = ids = new HashSet<string>(StringComparer.Ordinal);
                ((HashSet<string>)ids).Add(reader.GetString(1));
            }
        return new BrowseChanges(documents, groups);
    }

    public IReadOnlySet<long> StoredDocumentIds()
    {
        var ids = new HashSet<long>();
        using var command = Command("SELECT id FROM documents");
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    public IEnumerable<(long Id, AnalysedDocument Document)> LoadTexts(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) yield break;
        SqliteCommand Query(string sql)
        {
            var command = Command(sql);
            command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
            return command;
        }
        using var lines = new LayerRows<Line>(Query("""
            SELECT number, start, length, kind, reason, duplicate_of, own_kind, own_reason, doc_id FROM lines
            WHERE doc_id IN (SELECT value FROM json_each($ids)) ORDER BY doc_id, number
            """), reader => LineOf(reader, 3));
        using var command = Query("SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetInt64(0), new AnalysedDocument(new SourceDocument("", "", "", "", reader.GetString(1), "", SourceHints.None)) { Lines = lines.Of(reader.GetInt64(0)) });
    }

    public IReadOnlyList<CorpusGroup> CorpusGroups(string kind, IReadOnlyCollection<string> ids) => ids.Count == 0 ? [] : ReadGroupsWithIds(kind, ids);

    public IReadOnlyList<string> CorpusGroupIds(string kind)
    {
        var ids = new List<string>();
        using var command = Command("""
            SELECT g.id FROM corpus_groups g
            LEFT JOIN (SELECT group_id, min(doc_id) AS first FROM corpus_members WHERE kind = $kind GROUP BY group_id) f ON f.group_id = g.id
            WHERE g.kind = $kind ORDER BY f.first, g.number, g.id
            """);
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    public IReadOnlyList<CorpusGroup> CorpusGroupsIn(string kind, IReadOnlyCollection<long> documents) =>
        documents.Count == 0 ? [] : ReadGroupsWithin(kind, documents);

    /// <remarks>Every document's line starts are read first (a few per document), then the members in the
    /// table's order: members in document order were read through an index, a row apart each.</remarks>
    public IEnumerable<(string Entity, long Document, int Line)> EntityLines() =>
        StoredLines.Read(sql => Command(sql), "SELECT group_id, doc_id, start FROM corpus_members NOT INDEXED WHERE kind = 'entities'");

    public IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind)
    {
        using var command = Command("SELECT id, summary FROM browse_items WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), reader.GetString(1));
    }

    public IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind, IReadOnlyCollection<string> ids)
    {
        using var command = ItemsWithIds(kind, ids, "summary");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), reader.GetString(1));
    }

    public IReadOnlyDictionary<string, long> BrowseRanks(string kind, IReadOnlyCollection<string> ids)
    {
        var ranks = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = ItemsWithIds(kind, ids, "rank");
        using var reader = command.ExecuteReader();
        while (reader.Read()) ranks[reader.GetString(0)] = reader.GetInt64(1);
        return ranks;
    }

    /// <summary>A query of the id and one column of the stored items of a kind with these ids.</summary>
    private SqliteCommand ItemsWithIds(string kind, IReadOnlyCollection<string> ids, string column)
    {
        var command = Command($"""
            SELECT i.id, i.{column} FROM (SELECT DISTINCT value FROM json_each($ids)) w CROSS JOIN browse_items i WHERE i.kind = $kind AND i.id = w.value
            """);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        return command;
    }

    public IReadOnlyList<EventVote> EventVotesOn(IReadOnlyCollection<string> days)
    {
        var votes = new List<EventVote>();
        using var command = Command("""
            SELECT v.event, v.day, v.doc, v.weight FROM (SELECT DISTINCT value FROM json_each($days)) w CROSS JOIN browse_event_votes v WHERE v.day = w.value
            """);
        command.Parameters.AddWithValue("$days", JsonSerializer.Serialize(days));
        using var reader = command.ExecuteReader();
        while (reader.Read()) votes.Add(new EventVote(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        return votes;
    }

    public IReadOnlySet<string> EventVoteDays(IReadOnlyCollection<string> events)
    {
        var days = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command("""
            SELECT DISTINCT v.day FROM (SELECT DISTINCT value FROM json_each($events)) w CROSS JOIN browse_event_votes v WHERE v.event = w.value
            """);
        command.Parameters.AddWithValue("$events", JsonSerializer.Serialize(events));
        using var reader = command.ExecuteReader();
        while (reader.Read()) days.Add(reader.GetString(0));
        return days;
    }
}
