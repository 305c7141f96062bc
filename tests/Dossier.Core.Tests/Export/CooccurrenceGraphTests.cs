using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Export;

public class CooccurrenceGraphTests
{
    [Fact]
    public void The_heaviest_edges_asked_for_are_the_first_of_the_whole_graph_in_its_order()
    {
        var documents = Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((p, i) => new ExportedDocument($"d{i + 1}", Samples.Analyse(Path.GetFileName(p)))).ToList();
        var entities = EntityResolver.Resolve(documents);
        var nodes = entities.Select(e => (e.Id, e.Name, e.Type)).ToArray();
        var places = entities.SelectMany(e => e.Mentions.Select(m => new EntityPlace(e.Id, m.DocumentId, m.Document.LineAt(m.Mention.Span.Start).Number))).ToArray();

        var whole = CooccurrenceGraph.Build(nodes, places);

        Assert.True(whole.Edges.Count > 50, $"{whole.Edges.Count} edges");
        // Ties of weight are ordered by ids, so that a cut inside a tie keeps the same edges.
        Assert.Contains(whole.Edges.Zip(whole.Edges.Skip(1)), pair => pair.First.Weight == pair.Second.Weight);
        foreach (var count in new[] { 0, 1, 7, whole.Edges.Count / 2, whole.Edges.Count - 1, whole.Edges.Count, whole.Edges.Count + 1 })
        {
            var heaviest = CooccurrenceGraph.Build(nodes, places, count);
            Assert.Equal(whole.Edges.Take(count), heaviest.Edges);
            Assert.Equal(whole.Nodes, heaviest.Nodes);
        }
    }
}
