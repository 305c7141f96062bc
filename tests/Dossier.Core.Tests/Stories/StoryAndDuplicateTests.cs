using Dossier.Core.Duplicates;
using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Stories;

public class StoryAndDuplicateTests
{
    private static List<ExportedDocument> Seeds() =>
        Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((path, i) => new ExportedDocument($"d{i + 1}", Samples.Analyse(Path.GetFileName(path)))).ToList();

    [Fact]
    public void The_seeds_are_one_topic_in_two_sub_stories_split_by_three_years_of_silence()
    {
        var documents = Seeds();
        var stories = StoryBuilder.Build(documents, EntityResolver.Resolve(documents));
        var topic = Assert.Single(stories, s => s.Parent is null);
        Assert.Equal(["d1", "d2", "d3", "d4", "d5"], topic.DocumentIds);
        // d3 (undated) joins the 2016 articles it shares Carter and Mossoul with; d5 (undated) joins 2019's Abdul Mahdi.
        Assert.Equal([["d1", "d2", "d3"], ["d4", "d5"]], stories.Where(s => s.Parent == topic.Id).Select(s => s.DocumentIds.ToArray()));
        Assert.Empty(NearDuplicateFinder.Find(documents));
    }

    [Fact]
    public void A_republished_copy_with_a_new_headline_is_a_near_duplicate_and_a_different_article_is_not()
    {
        var body = File.ReadAllText(Samples.PathOf("000_6d8b029ee740e503.txt"));
        var documents = new List<ExportedDocument>
        {
            new("d1", Samples.AnalyseText(body, "a.txt")),
            new("d2", Samples.AnalyseText("Carter à Bagdad : Washington promet plus de soutien\n" + body + "\n(Avec AFP)", "b.txt")),
            new("d3", Samples.Analyse("001_cbc4e9c720c4d8f6.txt")),
        };
        var group = Assert.Single(NearDuplicateFinder.Find(documents));
        Assert.Equal(["d1", "d2"], group.DocumentIds);
        Assert.InRange(group.Similarity, NearDuplicateFinder.Threshold, 1.0);
    }
}
