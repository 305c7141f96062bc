using System.Globalization;
using Dossier.Core.Search;
using Dossier.Languages;

namespace Dossier.Storage.Postgres;

/// <summary>Full-text search with PostgreSQL's own analysis: each language's text search
/// configuration (named in its postgres-search.txt) after unaccent, a GIN index, ts_rank.</summary>
public sealed partial class PostgresDossierStore
{
    private const int IndexBatchSize = 256;
    private const string ConfigurationFile = "postgres-search.txt";

    /// <summary>The text search configuration of a language: its own, or the common one.</summary>
    internal static string Configuration(string language) =>
        LanguageData.ReadLines(language, ConfigurationFile) is [var own, ..] ? own : LanguageData.ReadLines("common", ConfigurationFile)[0];

    public int UpdateSearchIndex()
    {
        using var select = Command("SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_documents s WHERE s.doc_id = d.id) ORDER BY id");
        var missing = ReadAll(select, r => r.GetInt64(0));
        // One transaction per batch: an interrupted update leaves whole documents indexed, and the next build adds the rest.
        foreach (var batch in missing.Chunk(IndexBatchSize))
        {
            var documents = ReadDocuments(batch).Select(stored => (stored.Id, Document: stored.Shown())).ToArray();
            using var transaction = _connection.BeginTransaction();
            // A document another build indexed meanwhile is left as it wrote it.
            using var insert = Command("""
                INSERT INTO search_documents (doc_id, lang, config, terms)
                SELECT d.id, d.lang, d.config::regconfig, to_tsvector(d.config::regconfig, unaccent(d.text))
                FROM unnest(@ids, @langs, @configs, @texts) AS d (id, lang, config, text)
                ON CONFLICT (doc_id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("ids", documents.Select(d => d.Id).ToArray());
            insert.Parameters.AddWithValue("langs", documents.Select(d => d.Document.Language).ToArray());
            insert.Parameters.AddWithValue("configs", documents.Select(d => Configuration(d.Document.Language)).ToArray());
            insert.Parameters.AddWithValue("texts", documents.Select(d => string.Join('\n', SearchHits.Searchable(d.Document).Select(d.Document.LineText))).ToArray());
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
        return missing.Count;
    }

    public SearchResults Search(SearchQuery query, int offset, int limit)
    {
        using var configs = Command("SELECT DISTINCT config::text FROM search_documents ORDER BY 1");
        var configurations = ReadAll(configs, r => r.GetString(0));
        var words = query.Clauses.Select(c => c.Prefix ? Lexeme(c.Text) : c.Text).ToArray();
        if (configurations.Count == 0 || words.All(w => w.Length == 0)) return new SearchResults(query.Text, 0, offset, []);

        // Each document is matched with the query analysed by its own language's configuration.
        var tsqueries = configurations.Select((_, i) => TsQuery(query, words, i)).ToArray();
        var where = string.Join(" OR ", tsqueries.Select((q, i) => $"(config = @c{i}::regconfig AND terms @@ ({q}))"));
        var score = "CASE " + string.Join(" ", tsqueries.Select((q, i) => $"WHEN config = @c{i}::regconfig THEN ts_rank(terms, {q})")) + " END";
        using var count = Command($"SELECT count(*) FROM search_documents WHERE {where}");
        using var select = Command($"SELECT doc_id, {score} AS score FROM search_documents WHERE {where} ORDER BY score DESC, doc_id LIMIT @limit OFFSET @offset");
        foreach (var command in new[] { count, select })
        {
            for (var i = 0; i < configurations.Count; i++) command.Parameters.AddWithValue($"c{i}", configurations[i]);
            for (var k = 0; k < words.Length; k++) command.Parameters.AddWithValue($"w{k}", words[k]);
        }
        select.Parameters.AddWithValue("limit", limit);
        select.Parameters.AddWithValue("offset", offset);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        var page = ReadAll(select, r => (Id: r.GetInt64(0), Score: (double)r.GetFloat(1)));
        var documents = ReadDocuments(page.Select(p => p.Id).ToArray()).ToDictionary(d => d.Id, d => d.Shown());
        var hits = page.Select(p =>
        {
            var document = documents[p.Id];
            // The sentences are marked by the index's own analysis of the language, as in the file store.
            var matches = query.Analyse(SearchAnalyzer.For(document.Language)).Matches(SearchHits.Terms(document));
            return new DocumentHit(p.Id, document.Metadata.Title?.Value, document.Source.Path, p.Score,
                SearchHits.Find(document.Text, document.Lines, document.Sentences, matches));
        }).ToList();
        return new SearchResults(query.Text, total, offset, hits);
    }

    /// <summary>The query as a tsquery expression for configuration @c{config}: every clause
    /// required (@w{clause}), a phrase's words in sequence, a prefix matched as such against the
    /// stemmed terms. A clause of stop words only is dropped by PostgreSQL itself.</summary>
    private static string TsQuery(SearchQuery query, string[] words, int config) => string.Join(" && ", query.Clauses
        .Select((clause, k) => (clause, k))
        .Where(x => words[x.k].Length > 0)
        .Select(x => x.clause.Prefix ? $"to_tsquery('simple', unaccent(@w{x.k}) || ':*')" : $"phraseto_tsquery(@c{config}::regconfig, unaccent(@w{x.k}))"));

    /// <summary>A prefix as a lexeme: only its letters and digits (accents go in the query, by unaccent, as in the index).</summary>
    private static string Lexeme(string prefix) => string.Concat(prefix.Where(char.IsLetterOrDigit));
}
