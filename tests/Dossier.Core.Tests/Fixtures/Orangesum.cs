using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Export;
using Dossier.Core.Model;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>Articles of the orangesum set (../shared/data/corpus-fr/orangesum-5k.jsonl, CC BY-SA 4.0)
/// named by their id, read and analysed as the JSON-lines reader reads them.</summary>
public static class Orangesum
{
    private static readonly Lazy<Dictionary<string, string>> Lines = new(() =>
        File.ReadLines(SharedData.PathOf("corpus-fr/orangesum-5k.jsonl"))
            .ToDictionary(line => JsonDocument.Parse(line).RootElement.GetProperty("id").ToString(), StringComparer.Ordinal));

    /// <summary>The articles in the order given, as documents d1, d2, … of one dossier.</summary>
    public static List<ExportedDocument> Articles(params string[] ids) => InputFiles.ReadJsonLines(ids.Select(id => Lines.Value[id]));

    /// <summary>The articles as <see cref="Articles"/> reads them, with their "date" field removed: articles that state no publication date.</summary>
    public static List<ExportedDocument> Undated(params string[] ids) => InputFiles.ReadJsonLines(ids.Select(id =>
    {
        var article = JsonNode.Parse(Lines.Value[id])!.AsObject();
        article.Remove("date");
        return article.ToJsonString();
    }));

    public static string TextOf(this AnalysedDocument document, TextSpan span) => document.Text.Substring(span.Start, span.Length);
}
