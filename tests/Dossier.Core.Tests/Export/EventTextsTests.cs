using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Export;

/// <summary>How an event's date reads in the timeline and the text exports.</summary>
public class EventTextsTests
{
    /// <summary>Orangesum 19232: "'on' reprend les codes des années 30 pour renverser la République". The value
    /// stays TimeML's "193" in the JSON export; a reader is shown the decade, not a year 193.</summary>
    [Fact]
    public void A_decade_reads_as_a_decade()
    {
        var documents = Orangesum.Articles("19232");
        var entities = EntityResolver.Resolve(documents);
        var events = EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities));

        var thirties = Assert.Single(events, e => e.Date == "193");
        Assert.Equal("1930s", EventTexts.Date(thirties));
        Assert.All(events.Where(e => e.Date is { Length: >= 4 } && !e.DateInferred && !e.DateEstimated), e => Assert.Equal(e.Date, EventTexts.Date(e)));
    }
}
