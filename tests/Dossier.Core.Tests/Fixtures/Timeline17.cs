using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Export;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>Articles of Timeline17 (../shared/data/timeline-en, development topics) named by topic and
/// id, read as JSON lines with their publication day, as the timeline evaluation feeds them.</summary>
public static class Timeline17
{
    public static List<ExportedDocument> Articles(string topic, params string[] uids)
    {
        var articles = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(Path.Combine("timeline-en", topic, "articles.json")))).RootElement
            .EnumerateArray().ToDictionary(a => a.GetProperty("uid").ToString(), StringComparer.Ordinal);
        return InputFiles.ReadJsonLines(uids.Select(uid => new JsonObject
        {
            ["id"] = $"{topic}__{uid}", ["text"] = articles[uid].GetProperty("text").GetString(), ["published"] = articles[uid].GetProperty("dct").GetString(),
        }.ToJsonString()));
    }
}
