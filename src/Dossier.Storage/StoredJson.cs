using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>What a store keeps as JSON: a source's format hints and a document's metadata (every
/// field with its origin), written alike by every store so that a dossier copies across unchanged.</summary>
public static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static SourceHints Hints(string json) => JsonSerializer.Deserialize<SourceHints>(json, Options)!;

    public static DocumentMetadata Metadata(string json) => JsonSerializer.Deserialize<DocumentMetadata>(json, Options)!;
}
