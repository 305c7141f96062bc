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

    [Fact]
    public void The_heaviest_edges_counted_from_the_most_mentioned_entities_are_those_of_every_pair()
    {
        // Many lines naming entities of very unequal frequency, as news does: a few names everywhere, most once or twice.
        var random = new Random(17);
        var nodes = Enumerable.Range(0, 600).Select(n => ($"e{n}", $"E{n}", "PER")).ToArray();
        var places = new List<EntityPlace>();
        for (var line = 0; line < 4_000; line++)
            for (var k = random.Next(1, 7); k > 0; k--)
                places.Add(new EntityPlace($"e{(int)(600 * Math.Pow(random.NextDouble(), 3))}", $"d{line / 20}", line % 20));

        var whole = CooccurrenceGraph.Build(nodes, places);

        foreach (var count in new[] { 1, 10, 100, 1_000, 5_000, whole.Edges.Count - 1 })
            Assert.Equal(whole.Edges.Take(count), CooccurrenceGraph.Build(nodes, places, count).Edges);
    }
}
