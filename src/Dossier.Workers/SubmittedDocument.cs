using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Model;

namespace Dossier.Workers;

/// <summary>A document as it travels on the stream: the source as read, before any analysis (the
/// workers analyse it), so that a worker needs no access to the submitter's files.</summary>
public sealed record SubmittedDocument(string SourceKey, string File, string Path, string Format, string ContentHash, string Text, string Encoding, SourceHints Hints)
{
    public static SubmittedDocument Of(SourceDocument source) =>
        new(source.SourceKey, source.FilePath, source.Path, source.Format, source.ContentHash, source.Text, source.Encoding, source.Hints);

    [JsonIgnore]
    public SourceDocument Source => new(SourceKey, Path, Format, ContentHash, Text, Encoding, Hints) { FilePath = File };

    /// <summary>The stream's message id: the content hash of the source (its key and its bytes' hash),
    /// so that submitting the same input again is dropped by the stream, while the same text under
    /// another path is a message of its own (a copy the store links to the text).</summary>
    [JsonIgnore]
    public string MessageId => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SourceKey + "\n" + ContentHash)));

    /// <summary>UTF-8 JSON with letters as they are (escaped, French text grows 2.4 times), compressed:
    /// a message must fit the server's maximum payload (1 MB unless configured otherwise).</summary>
    public byte[] Serialize()
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest))
            JsonSerializer.Serialize(zip, this, Json);
        return compressed.ToArray();
    }

    public static SubmittedDocument Deserialize(byte[] bytes)
    {
        using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<SubmittedDocument>(zip, Json) ?? throw new JsonException("an empty message");
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
