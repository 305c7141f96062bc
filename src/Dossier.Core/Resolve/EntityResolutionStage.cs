using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Resolve;

/// <summary>Resolution as a corpus stage: <see cref="EntityResolver"/> decides which mentions name
/// one entity; this stage stores the entities under stable ids (a mention is its document and start).</summary>
public sealed class EntityResolutionStage : ICorpusStage
{
    public const string IdPrefix = "e";

    private sealed record Data(string Type);

    public string Name => "resolve";
    public IReadOnlyList<string> Requires => [Layers.Lines, Layers.Metadata, Layers.Entities];
    public IReadOnlyList<string> Provides => [CorpusLayers.Entities];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var formed = EntityResolver.Resolve(StoredDocuments.Of(run.LoadAll())).Select(entity => new CorpusGroup(entity.Id, null, entity.Name,
            JsonSerializer.Serialize(new Data(entity.Type)),
            entity.Mentions.Select(m => new CorpusMember(ExportedDocument.StoreIdOf(m.DocumentId), m.Mention.Span.Start, m.Mention.Span.Length, m.Mention.Type)).ToArray()))
            .ToArray();
        StableIds.SaveAll(run, CorpusLayers.Entities, IdPrefix, formed, m => (m.Document, m.Start));
    }

    /// <summary>Stored entities, their mentions in the given documents; the ways each is written are its mentions' texts.</summary>
    public static IReadOnlyList<EntityGroup> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents)
    {
        var entities = new List<EntityGroup>(groups.Count);
        foreach (var group in groups)
        {
            var mentions = group.Members.Where(m => documents.ContainsKey(m.Document))
                .Select(m => (documents[m.Document].Id, documents[m.Document].Document, new EntityMention(new TextSpan(m.Start, m.Length), m.Value)))
                .ToArray();
            if (mentions.Length == 0) continue;
            var aliases = mentions.Select(m => m.Document.Text.Substring(m.Item3.Span.Start, m.Item3.Span.Length)).Distinct(StringComparer.Ordinal).ToArray();
            entities.Add(new EntityGroup(group.Id, group.Label, JsonSerializer.Deserialize<Data>(group.Data)!.Type, aliases, mentions));
        }
        return entities;
    }
}
