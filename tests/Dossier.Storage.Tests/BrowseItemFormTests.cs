using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dossier.Storage.Browse;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>A build writes only the reading index's items whose stored documents or groups changed, unless
/// the index was written by another item form (<see cref="BrowseIndex.Maker"/>). So code that makes other
/// items from the same stored data must count the form up, or every kept dossier keeps items the old code
/// made. This holds the items made from one stored dossier (the seeds, stored by an earlier build, in
/// Fixtures) to the digest recorded with the form that made them.</summary>
public sealed class BrowseItemFormTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(CorpusStagesTests.FindRoot(), "tests", "Dossier.Storage.Tests", "Fixtures");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-item-form-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_items_made_from_a_stored_dossier_change_only_with_the_item_form()
    {
        var recorded = File.ReadAllText(Path.Combine(Fixtures, "seeds-items.txt")).TrimEnd().Split('\t');
        var (maker, digest) = (recorded[0], recorded[1]);

        var made = ItemsDigest(StoredSeeds());

        Assert.True(maker == BrowseIndex.Maker,
            $"The item form is now \"{BrowseIndex.Maker}\": record \"{BrowseIndex.Maker}\\t{made}\" in Fixtures/seeds-items.txt.");
        Assert.True(digest == made,
            $"The items made from the stored seeds changed ({digest} -> {made}) while the item form stayed \"{maker}\": " +
            "count ItemForm up in BrowseIndex and record the new form and digest in Fixtures/seeds-items.txt.");
    }

    /// <summary>A copy of the stored seeds, its reading index written whole by this code.</summary>
    private string StoredSeeds()
    {
        var file = Path.Combine(_folder, "seeds.dossier");
        using (var packed = new GZipStream(File.OpenRead(Path.Combine(Fixtures, "seeds-stored.dossier.gz")), CompressionMode.Decompress))
        using (var copy = File.Create(file))
            packed.CopyTo(copy);
        StoredSql.Run(file, StoredSql.DropReadingIndex);
        using (var store = SqliteDossierStore.Open(file, create: false)) BrowseIndex.Update(store);
        return file;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of every item (its digest covers all it shows and is
    /// found by) and event vote, in a fixed order.</summary>
    private static string ItemsDigest(string dossier)
    {
        using var connection = StoredSql.Open(dossier);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT kind || ' ' || id || ' ' || digest FROM browse_items
            UNION ALL SELECT 'vote ' || event || ' ' || day || ' ' || doc || ' ' || weight FROM browse_event_votes
            ORDER BY 1
            """;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var reader = command.ExecuteReader();
        while (reader.Read()) sha.AppendData(Encoding.UTF8.GetBytes(reader.GetString(0) + "\n"));
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }
}
