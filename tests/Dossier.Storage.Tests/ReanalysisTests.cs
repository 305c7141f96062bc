using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>`reanalyse`: documents an older analysis produced are analysed again from their stored
/// text, keep their ids, and the corpus results follow.</summary>
public sealed class ReanalysisTests : IDisposable
{
    private static readonly string Seeds = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared", "seeds");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-reanalyse-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static byte[] Export(SqliteDossierStore store)
    {
        var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document)).ToList();
        using var output = new MemoryStream();
        JsonExporter.Write(output, documents, CorpusResults.Read(store, documents));
        return output.ToArray();
    }

    [Fact]
    public void A_document_of_an_older_analysis_is_analysed_again_from_its_stored_text_under_its_own_id()
    {
        // The inputs are copies, deleted before the re-analysis: it must not read them.
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "inputs")).FullName;
        foreach (var seed in Directory.GetFiles(Seeds, "*.txt")) File.Copy(seed, Path.Combine(inputs, Path.GetFileName(seed)));
        var dossier = Path.Combine(_folder, "seeds.dossier");
        var pipeline = DocumentPipeline.CreateDefault();
        byte[] before;
        int mentions;
        using (var store = SqliteDossierStore.Open(dossier, create: true))
        {
            Assert.False(new DossierBuilder(store, pipeline, InputReader.CreateDefault()).Build([inputs]).HasErrors);
            Assert.All(store.LoadAll(), x => Assert.Equal(pipeline.Version, x.Document.AnalysisVersion));
            before = Export(store);
            mentions = store.Load(1)!.Entities.Length;
        }
        Assert.True(mentions > 10);
        Directory.Delete(inputs, recursive: true);
        // What an older version would have left: another version, and no entity mentions in the first article.
        using (var connection = new SqliteConnection($"Data Source={dossier};Pooling=False"))
        {
            connection.Open();
            using var older = connection.CreateCommand();
            older.CommandText = "UPDATE documents SET analysis_version = 'a1older' WHERE id = 1; DELETE FROM entity_mentions WHERE doc_id = 1;";
            older.ExecuteNonQuery();
        }

        using (var store = SqliteDossierStore.Open(dossier, create: false))
        {
            Assert.Equal([1L], store.DocumentsAnalysedOtherThan(pipeline.Version));
            var report = new DossierBuilder(store, pipeline, InputReader.CreateDefault()).Reanalyse();
            Assert.Equal((1, 1), (report.Stale, report.Reanalysed));
            Assert.Empty(report.Problems);
            var document = store.Load(1)!;
            Assert.Equal(pipeline.Version, document.AnalysisVersion);
            Assert.Equal(mentions, document.Entities.Length);
            Assert.Empty(store.DocumentsAnalysedOtherThan(pipeline.Version));
            // Same analysis, same corpus results under the same ids.
            Assert.Equal(before, Export(store));
            Assert.Equal(0, new DossierBuilder(store, pipeline, InputReader.CreateDefault()).Reanalyse().Stale);
        }
    }
}
