using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

public sealed class CorpusBoilerplateTests : IDisposable
{
    private const string Recurring = "Notre salon ouvre le 12 mars 2020 avec trois cents exposants.";
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-boilerplate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_line_recurring_in_three_documents_is_boilerplate_and_its_date_is_no_longer_read()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        string[] subjects = ["les retraites", "les impôts", "la santé"];
        for (var i = 0; i < subjects.Length; i++)
            File.WriteAllText(Path.Combine(inputs, $"{i}.txt"),
                $"Un titre sur {subjects[i]}\n\nLe gouvernement a annoncé le 4 février 2020 une décision sur {subjects[i]}, selon un communiqué.\n{Recurring}\n", Encoding.UTF8);
        var dossier = Path.Combine(_folder, "test.dossier");
        using var store = SqliteDossierStore.Open(dossier, create: true);
        var report = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([inputs]);

        Assert.Equal(3, report.CorpusBoilerplateLines);
        var document = store.Load(1)!;
        var line = document.Lines.Single(l => document.LineText(l) == Recurring);
        Assert.Equal((LineKind.Boilerplate, "recurs in 3 documents"), (line.Kind, line.Reason));
        Assert.Equal(["2020-02-04"], document.Timexes.Select(t => t.Value));
    }
}
