using Dossier.Core.Model;
using Dossier.Core.Search;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Full-text search: Lucene-analysed terms in an FTS5 table of the dossier file (schema 13),
/// and where each term stands (schema 26), so that a page of results is read from the index.</summary>
public sealed partial class SqliteDossierStore
{
    private const int IndexBatchSize = 256;

    public int UpdateSearchIndex()
    {
        var missing = new List<long>();
        using (var select = Command("SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM search_documents) ORDER BY id"))
        using (var reader = select.ExecuteReader())
            while (reader.Read()) missing.Add(reader.GetInt64(0));
        if (missing.Count == 0) return 0;

        // One transaction per batch: an interrupted update leaves whole documents indexed, and the
        // next build adds the rest.
        foreach (var batch in missing.Chunk(IndexBatchSize))
        {
            var documents = batch.Select(id => (Id: id, Document: Load(id)!)).ToArray();
            // Analysis is the costly part and independent per document; writes stay on this thread.
            var terms = new List<SearchTerm>[documents.Length];
            Parallel.For(0, documents.Length, i => terms[i] = SearchHits.Terms(documents[i].Document));
            using var transaction = _connection.BeginTransaction();
            using var insertTerms = Command("INSERT INTO search_terms (rowid, terms, lang) VALUES ($doc, $terms, $lang)", transaction);
            // The list of missing documents was read before this transaction: a build writing to the
            // same dossier may have indexed some of them since, and those are left as it wrote them.
            using var insertDocument = Command("INSERT OR IGNORE INTO search_documents (doc_id, lang) VALUES ($doc, $lang)", transaction);
            using var insertPositions = Command("INSERT INTO search_positions (doc_id, terms, spans) VALUES ($doc, $terms, $spans)", transaction);
            for (var i = 0; i < documents.Length; i++)
            {
                var (id, document) = documents[i];
                if (Run(insertDocument, ("$doc", id), ("$lang", document.Language)) != 1) continue;
                var text = string.Join(' ', terms[i].Select(t => t.Term));
                Run(insertTerms, ("$doc", id), ("$terms", text), ("$lang", document.Language));
                Run(insertPositions, ("$doc", id), ("$terms", text), ("$spans", TermSpanCodec.Encode(terms[i].Select(t => t.Span).ToArray())));
            }
            transaction.Commit();
        }
        return missing.Count;
    }

    public SearchResults Search(SearchQuery query, int offset, int limit)
    {
        var byLanguage = new Dictionary<string, AnalysedQuery>(StringComparer.Ordinal);
        var languages = IndexedLanguages();
        foreach (var language in languages)
        {
            var analysed = query.Analyse(SearchAnalyzer.For(language));
            if (!analysed.IsEmpty) byLanguage[language] = analysed;
        }
        if (byLanguage.Count == 0) return new SearchResults(query.Text, 0, offset, []);

        // Each document is matched with the query analysed by its own language's chain. Languages whose
        // chains analyse it alike share one match, and a match that holds for every language is not
        // filtered by language at all: a filter on the FTS column made a query 2-4 times slower
        // (10,000 documents) than a lookup of the language of each document it matched.
        var parameters = new List<(string Name, object? Value)> { ("$limit", limit), ("$offset", offset) };
        var matches = new List<(string Match, string[]? Languages)>();
        foreach (var group in byLanguage.GroupBy(x => x.Value.ToFts5(), x => x.Key, StringComparer.Ordinal))
        {
            var match = $"$match{matches.Count}";
            parameters.Add((match, $"terms : ({group.Key})"));
            if (group.Count() == languages.Count)
            {
                matches.Add((match, null));
                continue;
            }
            var names = group.Select((language, k) => (Name: $"{match}_{k}", Language: language)).ToArray();
            parameters.AddRange(names.Select(x => (x.Name, (object?)x.Language)));
            matches.Add((match, names.Select(x => x.Name).ToArray()));
        }
        string Matched(string score) => string.Join(" UNION ALL ", matches.Select(m => m.Languages is null
            ? $"SELECT rowid AS id{score} FROM search_terms WHERE search_terms MATCH {m.Match}"
            : $"SELECT t.rowid AS id{score} FROM search_terms t JOIN search_documents d ON d.doc_id = t.rowid WHERE search_terms MATCH {m.Match} AND d.lang IN ({string.Join(", ", m.Languages)})"));

        // The page is the best of the matches (a sort that keeps only the page), and the count a window
        // over the same pass: FTS5 scores every match whatever the LIMIT (ORDER BY rank LIMIT 20 took as
        // long as bm25 over all 5,743 matches of "gouvern" on 10,000 documents), so one pass is the least.
        var page = new List<(long Id, double Score)>();
        int? total = null;
        using (var select = Command($"SELECT id, score, count(*) OVER () FROM ({Matched(", bm25(search_terms, 1.0, 0.0) AS score")}) ORDER BY score, id LIMIT $limit OFFSET $offset"))
        using (var reader = Execute(select, parameters))
        {
            while (reader.Read())
            {
                page.Add((reader.GetInt64(0), reader.GetDouble(1)));
                total = reader.GetInt32(2);
            }
        }
        // A page past the last match has no row to carry the count.
        if (total is null)
        {
            using var count = Command($"SELECT count(*) FROM ({Matched("")})");
            using var reader = Execute(count, parameters);
            total = reader.Read() ? reader.GetInt32(0) : 0;
        }
        return new SearchResults(query.Text, total.Value, offset, Hits(page, byLanguage));
    }

    /// <summary>The languages of the indexed documents, each found by one step down their index
    /// instead of reading all the documents' rows.</summary>
    private List<string> IndexedLanguages()
    {
        var languages = new List<string>();
        using var select = Command("""
            WITH RECURSIVE indexed (lang) AS (
                SELECT min(lang) FROM search_documents
                UNION ALL
                SELECT (SELECT min(lang) FROM search_documents WHERE lang > indexed.lang) FROM indexed WHERE lang IS NOT NULL)
            SELECT lang FROM indexed WHERE lang IS NOT NULL
            """);
        using var reader = select.ExecuteReader();
        while (reader.Read()) languages.Add(reader.GetString(0));
        return languages;
    }

    /// <summary>Runs a query with the parameters of a search (those it does not name are not bound).</summary>
    private static SqliteDataReader Execute(SqliteCommand command, List<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteReader();
    }

    /// <summary>Where the query matched the documents of a page, from their stored term positions,
    /// sentences and lines: neither the documents' annotations are loaded nor their text analysed
    /// again, and the whole page is read in two queries (one per document made a page of 20 cost
    /// 40 statements to prepare and run).</summary>
    private List<DocumentHit> Hits(List<(long Id, double Score)> page, Dictionary<string, AnalysedQuery> byLanguage)
    {
        if (page.Count == 0) return [];
        var ids = string.Join(", ", page.Select((_, k) => $"$doc{k}"));
        void Bind(SqliteCommand command)
        {
            for (var k = 0; k < page.Count; k++) command.Parameters.AddWithValue($"$doc{k}", page[k].Id);
        }

        var lines = page.ToDictionary(x => x.Id, _ => new List<Line>());
        using (var select = Command($"SELECT number, start, length, kind, reason, duplicate_of, doc_id FROM lines WHERE doc_id IN ({ids}) ORDER BY doc_id, number"))
        {
            Bind(select);
            using var reader = select.ExecuteReader();
            while (reader.Read()) lines[reader.GetInt64(6)].Add(LineOf(reader, 3));
        }

        var found = new Dictionary<long, (string? Title, string Path, IReadOnlyList<SentenceHit> Sentences)>(page.Count);
        using (var select = Command($"""
            SELECT p.doc_id, p.terms, p.spans, d.text, d.language, s.sentences, d.title, d.path
            FROM search_positions p JOIN documents d ON d.id = p.doc_id JOIN segments s ON s.doc_id = p.doc_id
            WHERE p.doc_id IN ({ids})
            """))
        {
            Bind(select);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var terms = reader.GetString(1);
                var spans = TermSpanCodec.Decode((byte[])reader[2], terms.Length == 0 ? 0 : terms.AsSpan().Count(' ') + 1);
                var matches = byLanguage[reader.GetString(4)].Matches(terms, spans);
                found[id] = (reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
                    SearchHits.Find(reader.GetString(3), lines[id], SegmentCodec.DecodeSentences((byte[])reader[5]), matches));
            }
        }
        return page.Select(x => new DocumentHit(x.Id, found[x.Id].Title, found[x.Id].Path, x.Score, found[x.Id].Sentences)).ToList();
    }
}
