using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>The forms of one word ("pulled", "pulling", "pulls") are one word when reports are compared: the
/// language's inflections come off before the first letters are kept (ECB+ 3_5ecbplus, 3_7ecbplus, 3_11ecbplus).</summary>
public class InflectionTests
{
    private static string[] MainLemmas(AnalysedDocument document) =>
        document.Events.Select(e => EventMerger.Lemmas(document, e)[0]).ToArray();

    [Fact]
    public void Pulled_pulling_and_pulls_have_one_lemma_and_died_keeps_its_own()
    {
        var pulled = Samples.AnalyseText("Comeaux , 49 , escaped from a prison van in Baytown after he pulled a gun on two TDCJ officers driving him to another prison in Beaumont .\n");
        var pulling = Samples.AnalyseText("A Texas inmate escaped from a prison van near Houston after pulling a gun on two guards who were transporting him between prisons , according to a Texas prison statement Monday .\n");
        var pulls = Samples.AnalyseText("Texas convict Arcade Joseph Comeaux Jr . , riding in wheelchair , pulls gun on guards , escapes on foot\n");
        Assert.Contains("pull", MainLemmas(pulled));
        Assert.Contains("pull", MainLemmas(pulling));
        Assert.Contains("pull", MainLemmas(pulls));
        Assert.Contains("escap", MainLemmas(pulls));
        // Four letters would be left of "died" less its ending: too few to be a stem.
        var died = Samples.AnalyseText("Williams died peacefully in her sleep Thursday in Beverly Hills , family spokesman Harlan Boll announced .\n");
        Assert.Equal(["died", "sleep"], MainLemmas(died));
    }

    [Fact]
    public void The_gun_pulled_and_the_gun_pulling_of_two_articles_are_one_event()
    {
        var documents = new[]
        {
            Samples.AnalyseText("Comeaux , 49 , escaped from a prison van in Baytown after he pulled a gun on two TDCJ officers driving him to another prison in Beaumont .\n", "3_11ecbplus.txt"),
            Samples.AnalyseText("Comeaux was in a wheelchair Monday when he pulled a gun on two guards during a transfer from a unit in Huntsville to one in Beaumont .\n" +
                "A Texas inmate escaped from a prison van near Houston after pulling a gun on two guards who were transporting him between prisons .\n", "3_7ecbplus.txt"),
        }.Select((d, i) => new ExportedDocument($"d{i + 1}", d)).ToList();
        var entities = EntityResolver.Resolve(documents);
        var events = EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities));
        var gun = Assert.Single(events, e => e.Reports.Any(r => EventMerger.Lemmas(r.Source, r.Mention)[0] == "pull"));
        Assert.Equal(["pulled", "pulled", "pulling"], gun.Reports.Select(r => r.Source.TextOf(r.Mention.Triggers[0])).Order());
    }
}
