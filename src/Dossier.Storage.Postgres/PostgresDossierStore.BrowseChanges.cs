using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>What changed since the reading index was written (schema 17), and what the items of what
/// changed are made from, read without the other documents.</summary>
public sealed partial class PostgresDossierStore : IBrowseChanges
{
    /// <summary>The transactions whose recorded changes <see cref="BrowseChangesSince"/> read last: the write of
    /// their items removes their rows alone, not those of transactions committed since.</summary>
    private long[]? _browseChangesRead;

    public BrowseChanges? BrowseChangesSince(string maker)
    {
        _browseChangesRead = null;
        if (Scalar("SELECT EXISTS (SELECT 1 FROM browse_tracked WHERE maker = @maker) AND EXISTS (SELECT 1 FROM browse_items)", ("maker", maker)) is not true)
            return null;
        var documents = new HashSet<long>();
        var groups = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var transactions = new HashSet<long>();
        // One statement, one snapshot: a transaction committing between two reads would have its rows of
        // the second table removed unread.
        using var command = Command("""
            SELECT NULL::text, doc_id, NULL::text, xact FROM browse_changed_documents
            UNION ALL SELECT kind, NULL::bigint, id, xact FROM browse_changed_groups
            """);
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                if (reader.IsDBNull(0)) documents.Add(reader.GetInt64(1));
                else
                {
                    if (!groups.TryGetValue(reader.GetString(0), out var ids)) groups[reader.GetString(0)] = ids = new HashSet<string>(StringComparer.Ordinal);
                    ((HashSet<string>)ids).Add(reader.GetString(2));
                }
                transactions.Add(reader.GetInt64(3));
            }
        _browseChangesRead = [.. transactions];
        return new BrowseChanges(documents, groups);
    }

    public IReadOnlySet<long> StoredDocumentIds() => AllDocumentIds().ToHashSet();

    public IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadToShow(IReadOnlyCollection<long> ids)
    {
        foreach (var batch in ids.Order().Chunk(ReadBatchSize))
            foreach (var stored in ReadDocuments(batch, toShow: true))
                yield return (stored.Id, stored.Shown(), stored.TokenCount);
    }

    public IEnumerable<(long Id, AnalysedDocument Document)> LoadTexts(IReadOnlyCollection<long> ids)
    {
        foreach (var batch in ids.Order().Chunk(ReadBatchSize))
        {
            var lines = ByDocument(batch, "SELECT doc_id, number, start, length, kind, reason, duplicate_of FROM lines WHERE doc_id = ANY(@ids) ORDER BY doc_id, number",
                r => new Line(r.GetInt32(1), new TextSpan(r.GetInt32(2), r.GetInt32(3)), Line.ParseKind(r.GetString(4)), r.GetString(5), NullableInt(r, 6)));
            using var command = Command("SELECT id, text FROM documents WHERE id = ANY(@ids) ORDER BY id");
            command.Parameters.AddWithValue("ids", batch);
            var texts = ReadAll(command, r => (Id: r.GetInt64(0), Text: r.GetString(1)));
            foreach (var (id, text) in texts)
                yield return (id, new AnalysedDocument(new SourceDocument("", "", "", "", text, "", SourceHints.None)) { Lines = [.. lines.GetValueOrDefault(id) ?? []] });
        }
    }

    public IReadOnlyList<CorpusGroup> CorpusGroups(string kind, IReadOnlyCollection<string> ids) => ids.Count == 0 ? [] : ReadGroups(kind, null, [.. ids]);

    public IReadOnlyList<string> CorpusGroupIds(string kind)
    {
        using var command = Command("""
            SELECT g.id FROM corpus_groups g
            LEFT JOIN (SELECT group_id, min(doc_id) AS first FROM corpus_members WHERE kind = @kind GROUP BY group_id) f ON f.group_id = g.id
            WHERE g.kind = @kind ORDER BY f.first, g.number, g.id
            """);
        command.Parameters.AddWithValue("kind", kind);
        return ReadAll(command, r => r.GetString(0));
    }

    public IReadOnlyList<CorpusGroup> CorpusGroupsIn(string kind, IReadOnlyCollection<long> documents) =>
        documents.Count == 0 ? [] : ReadGroupsWithin(kind, [.. documents]);

    public IEnumerable<(string Entity, long Document, int Line)> EntityLines() =>
        StoredLines.Read(Command, "SELECT group_id, doc_id, start FROM corpus_members WHERE kind = 'entities'");

    public IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind)
    {
        using var command = Command("SELECT id, summary FROM browse_items WHERE kind = @kind");
        command.Parameters.AddWithValue("kind", kind);
        return ReadAll(command, r => (r.GetString(0), r.GetString(1)));
    }

    public IEnumerable<(string Id, string Summary)> BrowseSummaries(string kind, IReadOnlyCollection<string> ids)
    {
        using var command = ItemsWithIds(kind, ids, "summary");
        return ReadAll(command, r => (r.GetString(0), r.GetString(1)));
    }

    public IReadOnlyDictionary<string, long> BrowseRanks(string kind, IReadOnlyCollection<string> ids)
    {
        using var command = ItemsWithIds(kind, ids, "rank");
        return ReadAll(command, r => (Id: r.GetString(0), Rank: r.GetInt64(1))).ToDictionary(x => x.Id, x => x.Rank, StringComparer.Ordinal);
    }

    /// <summary>A query of the id and one column of the stored items of a kind with these ids.</summary>
    private NpgsqlCommand ItemsWithIds(string kind, IReadOnlyCollection<string> ids, string column)
    {
        var command = Command($"SELECT id, {column} FROM browse_items WHERE kind = @kind AND id = ANY(@ids)");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return command;
    }

    public IReadOnlyList<EventVote> EventVotesOn(IReadOnlyCollection<string> days)
    {
        using var command = Command("SELECT event, day, doc, weight FROM browse_event_votes WHERE day = ANY(@days)");
        command.Parameters.AddWithValue("days", days.ToArray());
        return ReadAll(command, r => new EventVote(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3)));
    }

    public IReadOnlySet<string> EventVoteDays(IReadOnlyCollection<string> events)
    {
        using var command = Command("SELECT DISTINCT day FROM browse_event_votes WHERE event = ANY(@events)");
        command.Parameters.AddWithValue("events", events.ToArray());
        return ReadAll(command, r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
    }
}
