using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>`search` and `export --format gexf` on the sample dossier, run as a user would.</summary>
public sealed class SearchAndGraphCommandTests : IDisposable
{
    private static readonly XNamespace Gexf = "http://gexf.net/1.3";
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public SearchAndGraphCommandTests() =>
        Assert.Equal(0, DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "samples.dossier").ExitCode);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Search_prints_each_document_with_its_matching_lines_and_offsets()
    {
        var result = DossierProcess.Run(_folder, "search", "samples.dossier", "Soleimani");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.StartsWith("d5 L'armée américaine reprend ses opérations", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  line 10 [0..200): Les relations avec l'Irak", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  line 18 [", StringComparison.Ordinal));
        Assert.Equal("1 document", lines[^1]);
    }

    [Fact]
    public void Search_rejects_a_page_size_out_of_range()
    {
        var result = DossierProcess.Run(_folder, "search", "samples.dossier", "Irak", "--limit", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--limit must be between 1 and 1000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gexf_graph_has_every_entity_with_its_type_and_mention_count_and_links_those_named_together()
    {
        Assert.Equal(0, DossierProcess.Run(_folder, "export", "samples.dossier", "--format", "json", "-o", "samples.json").ExitCode);
        Assert.Equal(0, DossierProcess.Run(_folder, "export", "samples.dossier", "--format", "gexf", "-o", "samples.gexf").ExitCode);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "samples.json")));
        var gexf = XDocument.Load(Path.Combine(_folder, "samples.gexf"));
        var nodes = gexf.Descendants(Gexf + "node").ToDictionary(n => (string)n.Attribute("id")!);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToArray();
        Assert.Equal(entities.Length, nodes.Count);
        foreach (var entity in entities)
        {
            var node = nodes[entity.GetProperty("id").GetString()!];
            Assert.Equal(entity.GetProperty("name").GetString(), (string)node.Attribute("label")!);
            var values = node.Descendants(Gexf + "attvalue").ToDictionary(v => (string)v.Attribute("for")!, v => (string)v.Attribute("value")!);
            Assert.Equal(entity.GetProperty("type").GetString(), values["type"]);
            Assert.Equal(entity.GetProperty("mentions").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), values["mentions"]);
        }
        string IdOf(string name) => entities.Single(e => e.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        var carter = IdOf("Ashton Carter");
        var abadi = IdOf("Haider Al-Abadi");
        Assert.Contains(gexf.Descendants(Gexf + "edge"), e =>
            new[] { (string)e.Attribute("source")!, (string)e.Attribute("target")! }.Order(StringComparer.Ordinal).SequenceEqual(new[] { carter, abadi }.Order(StringComparer.Ordinal)));
    }
}
