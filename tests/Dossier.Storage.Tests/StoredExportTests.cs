using System.Text;
using System.Text.Json;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The export of a stored dossier read a few documents and groups at a time is the export of its
/// documents and corpus results held whole, in every format, and so is the timeline read from it.</summary>
public sealed class StoredExportTests : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-export-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Every_format_and_the_timeline_read_in_batches_are_those_of_the_dossier_held_whole()
    {
        // The seeds and thirty French news articles on other subjects, as one JSON-lines file.
        var unrelated = Path.Combine(_folder, "unrelated.jsonl");
        File.WriteAllLines(unrelated, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(30));
        var dossier = Path.Combine(_folder, "export.dossier");
        using (var store = SqliteDossierStore.Open(dossier, create: true))
        {
            var inputs = Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).Append(unrelated);
            Assert.False(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build(inputs).HasErrors);
        }
        using var read = SqliteDossierStore.OpenReadOnly(dossier);
        var documents = read.LoadAllToShow()
            .Select(x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document) { Paths = read.SourcePaths(x.Id), TokenCount = x.Tokens }).ToList();
        var corpus = CorpusResults.Read(read, documents);
        var held = new HeldExport(documents, corpus);

        using (var json = JsonDocument.Parse(Export(held, "json")))
            foreach (var section in new[] { "entities", "timexes", "quantities", "series", "stories", "events" })
                Assert.True(json.RootElement.GetProperty(section).GetArrayLength() > 0, $"{section} is not empty");
        foreach (var format in ExportFormats.All)
        {
            // Batches of a few documents and groups, so that an event's or a series' documents span several.
            var batched = Export(new StoredExport(read, read, documentBatch: 7, groupBatch: 5), format);
            Assert.Equal(Export(held, format), batched);
        }
        // The timeline reads the events as the export does, without their documents: it selects the events held with their reports.
        var stored = new StoredExport(read, read, documentBatch: 7, groupBatch: 5);
        foreach (var query in new EventQuery[] { new(Top: 5), new(Entity: "Esper"), new(From: "2016-04", To: "2016-04-30") })
        {
            var whole = EventTimeline.Select(corpus.Events, corpus.Entities, query).Select(e => e.Id).ToArray();
            Assert.NotEmpty(whole);
            Assert.Equal(whole, EventTimeline.Select(stored.Events(), stored.Entities(), query).Select(e => e.Id));
        }
    }

    private static string Export(IExportSource dossier, string format)
    {
        using var output = new MemoryStream();
        ExportFormats.Write(output, dossier, format);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
