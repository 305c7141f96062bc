using System.Text.Json;
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
    public static List<ExportedDocument> Articles(params string[] ids)
    {
        var path = Path.Combine(InputFiles.ScratchFolder(), "articles.jsonl");
        File.WriteAllLines(path, ids.Select(id => Lines.Value[id]));
        return InputFiles.Read(path).Documents().Select((document, i) => new ExportedDocument($"d{i + 1}", InputFiles.Analyse(document))).ToList();
    }

    public static string TextOf(this AnalysedDocument document, TextSpan span) => document.Text.Substring(span.Start, span.Length);
}
