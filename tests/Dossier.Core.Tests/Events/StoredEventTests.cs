using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>A stored event read back from its group: its description, and its report in its document.</summary>
public class StoredEventTests
{
    [Fact]
    public void A_stored_event_reads_its_description_whatever_else_is_stored_beside_it()
    {
        var document = new ExportedDocument("d1", Samples.Analyse("000_6d8b029ee740e503.txt"));
        var trigger = document.Document.Events.First(m => m.Status != EventStatus.Negated).Triggers[0];
        const string data = """
            {"Keys":["death|e6|?",["nested"]],"Class":"meeting","Status":"happened","Date":null,"DateInferred":true,
             "Participants":["e3","\u00e97"],"Place":"e387","Outlets":2,"Later":{"a":[1,{"b":null}]}}
            """;
        var group = new CorpusGroup("ev12", null, "the summary", data, [new CorpusMember(1, trigger.Start, trigger.Length, "")]);

        var ev = Assert.Single(EventStage.Read([group], new Dictionary<long, ExportedDocument> { [1] = document }));

        Assert.Equal(("ev12", "meeting", EventStatus.Happened, (string?)null, true, "the summary", "e387", 2),
            (ev.Id, ev.Class, ev.Status, ev.Date, ev.DateInferred, ev.Summary, ev.Place, ev.Outlets));
        Assert.Equal(["e3", "é7"], ev.Participants);
        Assert.Equal(trigger, Assert.Single(ev.Reports).Mention.Triggers[0]);
    }
}
