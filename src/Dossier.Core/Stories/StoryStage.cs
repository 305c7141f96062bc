using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;

namespace Dossier.Core.Stories;

/// <summary>Stories as a corpus stage: <see cref="StoryBuilder"/> forms the tree; this stage stores
/// it under stable ids (a member is its document and whether the story is a topic or a sub-story,
/// so that a topic continues a topic).</summary>
public sealed class StoryStage : ICorpusStage
{
    public const string IdPrefix = "s";
    private const string TopicLevel = "topic";
    private const string SubStoryLevel = "sub-story";

    public string Name => "stories";
    public IReadOnlyList<string> Requires => [Layers.Metadata, CorpusLayers.Entities];
    public IReadOnlyList<string> Provides => [CorpusLayers.Stories];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), StoredDocuments.Index(documents));
        var formed = StoryBuilder.Build(documents, entities).Select(story => new CorpusGroup(story.Id, story.Parent, story.Label, "{}",
            story.DocumentIds.Select(d => new CorpusMember(ExportedDocument.StoreIdOf(d), 0, 0, story.Parent is null ? TopicLevel : SubStoryLevel)).ToArray()))
            .ToArray();
        StableIds.SaveAll(run, CorpusLayers.Stories, IdPrefix, formed, m => (m.Document, m.Value));
    }

    public static IReadOnlyList<Story> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents) =>
        groups.Select(g => new Story(g.Id, g.Parent, g.Label, g.Members.Where(m => documents.ContainsKey(m.Document)).Select(m => documents[m.Document].Id).ToArray()))
            .Where(s => s.DocumentIds.Count > 0).ToArray();
}
