using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Export;

/// <summary>How an event's date reads in the timeline and the text exports.</summary>
public class EventTextsTests
{
    /// <summary>"Les attentats des années 80 ont marqué Paris": the value stays TimeML's "198" in the JSON export;
    /// a reader is shown the decade, not a year 198.</summary>
    [Fact]
    public void A_decade_reads_as_a_decade()
    {
        List<ExportedDocument> documents = [new("d1", Samples.AnalyseText("Publié le 22/12/2018\nLes attentats des années 80 ont marqué Paris.\n", "a.txt"))];
        var entities = EntityResolver.Resolve(documents);
        var events = EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities));

        var eighties = Assert.Single(events, e => e.Date == "198");
        Assert.Equal("1980s", EventTexts.Date(eighties));
        Assert.All(events.Where(e => e.Date is { Length: >= 4 } && !e.DateInferred && !e.DateEstimated), e => Assert.Equal(e.Date, EventTexts.Date(e)));
    }
}
