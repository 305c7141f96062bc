using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

public sealed class StoreSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-safety-").FullName;
    private string DossierFile => Path.Combine(_folder, "test.dossier");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_writer_holding_the_lock_too_long_is_named_in_one_clear_line()
    {
        using (SqliteDossierStore.Open(DossierFile, create: true)) { }
        using var other = new SqliteConnection($"Data Source={DossierFile};Pooling=false");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE; DELETE FROM documents;";
            begin.ExecuteNonQuery();
        }

        var error = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.Open(DossierFile, create: true, TimeSpan.FromMilliseconds(200)));

        Assert.Equal($"{DossierFile}: another process is writing to this dossier and held its lock too long; try again when it has finished", error.Message);
    }

    [Fact]
    public void Reading_an_empty_or_missing_file_creates_nothing()
    {
        File.WriteAllBytes(DossierFile, []);
        var empty = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.OpenReadOnly(DossierFile));
        Assert.Equal($"{DossierFile}: empty file, not a dossier", empty.Message);
        Assert.Equal(0, new FileInfo(DossierFile).Length);

        var missing = Path.Combine(_folder, "missing.dossier");
        Assert.Throws<DossierStoreException>(() => SqliteDossierStore.OpenReadOnly(missing));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_dossier_of_an_older_schema_is_read_from_an_upgraded_copy_and_left_as_it_was()
    {
        using (SqliteDossierStore.Open(DossierFile, create: true)) { }
        using (var connection = new SqliteConnection($"Data Source={DossierFile};Pooling=false"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            // Back to schema 3: what later schemas added goes, and a document of that time is stored without a source.
            var later = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = """
                    SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')
                    AND name NOT IN ('documents', 'lines', 'segments', 'entity_mentions', 'timexes', 'quantities') AND name NOT LIKE 'sqlite_%'
                    """;
                using var reader = list.ExecuteReader();
                while (reader.Read()) later.Add($"DROP {reader.GetString(0).ToUpperInvariant()} IF EXISTS \"{reader.GetString(1)}\";");
            }
            downgrade.CommandText = string.Concat(later) + """
                ALTER TABLE quantities DROP COLUMN value_max;
                INSERT INTO documents (source_key, path, format, content_hash, encoding, hints, text, language, metadata, ingested_at)
                    VALUES ('/in/flux.jsonl#id-7', 'flux.jsonl#7', 'jsonl', 'h', 'utf-8', '{}', 'Un texte.', 'fr', '{}', 'now');
                PRAGMA user_version = 3;
                """;
            downgrade.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(DossierFile);

        using (var store = SqliteDossierStore.OpenReadOnly(DossierFile))
        {
            var source = Assert.Single(store.ListSources());
            Assert.Equal(("/in/flux.jsonl", "flux.jsonl#7"), (source.File, source.Path));
        }

        Assert.Equal(before, File.ReadAllBytes(DossierFile));
    }
}
