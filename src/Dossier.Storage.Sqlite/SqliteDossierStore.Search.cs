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
        var languages = 0;
        using (var select = Command("SELECT DISTINCT lang FROM search_documents"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                languages++;
                var analysed = query.Analyse(SearchAnalyzer.For(reader.GetString(0)));
                if (!analysed.IsEmpty) byLanguage[reader.GetString(0)] = analysed;
            }
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
            if (group.Count() == languages)
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

        // The page is the best of the matches (a sort that keeps only the page), and the count another
        // pass without scores: 3-5 times faster than ranking every match to count them (10,000 documents).
        var page = new List<(long Id, double Score)>();
        using (var select = Command($"SELECT id, score FROM ({Matched(", bm25(search_terms, 1.0, 0.0) AS score")}) ORDER BY score, id LIMIT $limit OFFSET $offset"))
        using (var reader = Execute(select, parameters))
            while (reader.Read()) page.Add((reader.GetInt64(0), reader.GetDouble(1)));
        int total;
        using (var count = Command($"SELECT count(*) FROM ({Matched("")})"))
        using (var reader = Execute(count, parameters))
            total = reader.Read() ? reader.GetInt32(0) : 0;
        var hits = new List<DocumentHit>(page.Count);
        foreach (var (id, score) in page)
            hits.Add(Hit(id, score, byLanguage));
        return new SearchResults(query.Text, total, offset, hits);
    }

    /// <summary>Runs a query with the parameters of a search (those it does not name are not bound).</summary>
    private static SqliteDataReader Execute(SqliteCommand command, List<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteReader();
    }

    /// <summary>Where the query matched one document, from its stored term positions, sentences and
    /// lines: neither the document's annotations are loaded nor its text analysed again.</summary>
    private DocumentHit Hit(long id, double score, Dictionary<string, AnalysedQuery> byLanguage)
    {
        using var command = Command("""
            SELECT p.terms, p.spans, d.text, d.language, s.sentences, d.title, d.path
            FROM search_positions p JOIN documents d ON d.id = p.doc_id JOIN segments s ON s.doc_id = p.doc_id
            WHERE p.doc_id = $doc
            """);
        command.Parameters.AddWithValue("$doc", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        var words = reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var spans = TermSpanCodec.Decode((byte[])reader[1], words.Length);
        var terms = new SearchTerm[words.Length];
        for (var i = 0; i < words.Length; i++) terms[i] = new SearchTerm(words[i], spans[i]);
        var matches = byLanguage[reader.GetString(3)].Matches(terms);
        return new DocumentHit(id, reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), score,
            SearchHits.Find(reader.GetString(2), LoadLines(id).Shown, SegmentCodec.DecodeSentences((byte[])reader[4]), matches));
    }
}
