using Dossier.Core.Model;

namespace Dossier.Storage.Postgres;

/// <summary>The re-analysis of stored documents in place.</summary>
public sealed partial class PostgresDossierStore
{
    public IReadOnlyList<long> DocumentsAnalysedOtherThan(string version)
    {
        using var command = Command("SELECT id FROM documents WHERE analysis_version <> @version ORDER BY id");
        command.Parameters.AddWithValue("version", version);
        return ReadAll(command, reader => reader.GetInt64(0)).ToArray();
    }

    /// <summary>Each document is written again whole under its id, with its sources and ingestion
    /// time: the change log's trigger records it removed and added, which the corpus stages take in
    /// as a replaced document, and the search and reading indexes see the rows go and come.</summary>
    public void Reanalysed(IReadOnlyList<(long Id, AnalysedDocument Document)> documents)
    {
        using var transaction = _connection.BeginTransaction();
        TakeWriterLock();
        var ids = documents.Select(d => d.Id).ToArray();
        var stored = ReadDocuments(ids).ToDictionary(d => d.Id);
        using (var delete = Command("DELETE FROM documents WHERE id = ANY(@ids)"))
        {
            delete.Parameters.AddWithValue("ids", ids);
            delete.ExecuteNonQuery();
        }
        WriteDocuments(documents.Where(d => stored.ContainsKey(d.Id))
            .Select(d => new StoredDocument(d.Id, d.Document, d.Document.Lines, stored[d.Id].Sources, stored[d.Id].IngestedAt)).ToArray());
        transaction.Commit();
    }
}
