using Dossier.Core.Resolve;

namespace Dossier.Core.Export;

/// <summary>The co-occurrence graph of a dossier's resolved entities.</summary>
public static class EntityGraph
{
    public static CooccurrenceGraph Of(IReadOnlyList<EntityGroup> entities) =>
        CooccurrenceGraph.Build(entities.Select(e => (e.Id, e.Name, e.Type)),
            entities.SelectMany(e => e.Mentions.Select(m => new EntityPlace(e.Id, m.DocumentId, m.Document.LineAt(m.Mention.Span.Start).Number))));
}
