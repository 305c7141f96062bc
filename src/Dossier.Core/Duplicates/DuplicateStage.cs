using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Duplicates;

/// <summary>Near-duplicates as a corpus stage: <see cref="NearDuplicateFinder"/> finds the groups;
/// this stage stores them under stable ids (a member is its document).</summary>
public sealed class DuplicateStage : ICorpusStage
{
    public const string IdPrefix = "c";

    private sealed record Data(double Similarity);

    public string Name => "duplicates";
    public IReadOnlyList<string> Requires => [Layers.Lines];
    public IReadOnlyList<string> Provides => [CorpusLayers.Duplicates];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var formed = NearDuplicateFinder.Find(StoredDocuments.Of(run.LoadAll())).Select((group, i) => new CorpusGroup($"{i}", null, "",
            JsonSerializer.Serialize(new Data(group.Similarity)), group.DocumentIds.Select(d => new CorpusMember(ExportedDocument.StoreIdOf(d), 0, 0)).ToArray()))
            .ToArray();
        StableIds.SaveAll(run, CorpusLayers.Duplicates, IdPrefix, formed, m => m.Document);
    }

    public static IReadOnlyList<DuplicateGroup> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents) =>
        groups.Select(g => new DuplicateGroup(g.Members.Where(m => documents.ContainsKey(m.Document)).Select(m => documents[m.Document].Id).ToArray(),
                JsonSerializer.Deserialize<Data>(g.Data)!.Similarity, g.Id))
            .Where(g => g.DocumentIds.Count > 1).ToArray();
}
