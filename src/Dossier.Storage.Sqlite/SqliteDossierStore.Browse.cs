using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Storage.Browse;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The reading index (schema 27; details compressed since schema 28); its lists are in SqliteDossierStore.BrowseLists.cs.</summary>
public sealed partial class SqliteDossierStore
{
    public bool BrowseIndexIsCurrent()
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM browse_state)");
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string? BrowseDetail(string kind, string id)
    {
        using var command = Command($"SELECT i.detail, i.summary, d.summary FROM browse_items i {BrowseQuery.DaySalienceOf("i", "d")} WHERE i.kind = $kind AND i.id = $id");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var json = reader.IsDBNull(0) ? reader.GetString(1) : Decompress(reader.GetStream(0));
        var daySalience = reader.IsDBNull(2) ? null : reader.GetString(2);
        reader.Close();
        return BrowseIndex.ShownDetail(kind, json, daySalience, BrowseSummaries);
    }

    public bool BrowseHas(string kind, string id)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM browse_items WHERE kind = $kind AND id = $id)");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>JSON as UTF-8, DEFLATE-compressed (zlib format): a detail is read one at a time, and
    /// inflating one (80 µs for a document's) costs far less than the space it saves (a third of the size).</summary>
    private static byte[] Compress(string json)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal))
            zlib.Write(Encoding.UTF8.GetBytes(json));
        return buffer.ToArray();
    }

    private static string Decompress(Stream compressed)
    {
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var text = new StreamReader(zlib, Encoding.UTF8);
        return text.ReadToEnd();
    }
}
