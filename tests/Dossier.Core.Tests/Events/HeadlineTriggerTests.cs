using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>A headline that capitalises every word names its happening even where the entity tagger reads a name
/// across the happening's word (ECB+ 4_5ecbplus, 1_6ecbplus).</summary>
public class HeadlineTriggerTests
{
    private static (string Trigger, string Class, string[] Participants)[] HeadlineEvents(string text)
    {
        var article = Samples.AnalyseText(text);
        var title = article.Lines[0].Span;
        return article.Events.Where(e => title.Contains(e.Triggers[0].Start))
            .Select(e => (article.TextOf(e.Triggers[0]), e.Class, e.Participants.Select(article.TextOf).ToArray())).ToArray();
    }

    [Fact]
    public void A_death_in_a_title_case_headline_is_a_death_whose_participant_is_no_name_across_it()
    {
        var events = HeadlineEvents("Actress Esther Williams Dies at 91\n" +
            "Williams died peacefully in her sleep Thursday in Beverly Hills , family spokesman Harlan Boll announced .\n");
        var death = Assert.Single(events);
        Assert.Equal(("Dies", "death"), (death.Trigger, death.Class));
        Assert.DoesNotContain(death.Participants, p => p.Contains("Dies", StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_in_told_in_a_title_case_headline_is_an_occurrence_of_its_word()
    {
        var events = HeadlineEvents("Lindsay Lohan Checks Into Rehab at Betty Ford Center\n" +
            "Early Friday morning , around 1 : 30 a . m . , the 26 - year - old actress checked into Betty Ford Center in Rancho Mirage , Calif ,\n");
        Assert.Equal([("Checks Into", "occurrence"), ("Rehab", "health")], events.Select(e => (e.Trigger, e.Class)).Order());
        Assert.All(events, e => Assert.Empty(e.Participants));
    }

    [Fact]
    public void A_headline_written_as_a_sentence_keeps_its_names_whole()
    {
        // 1_13ecbplus: only the first word and the names are capitalised, so capitals still tell names.
        var events = HeadlineEvents("Lindsay Lohan checks into rehab to begin 90 - day stint , lawyer says\n" +
            "Lindsay Lohan has checked into a rehab facility to begin a 90 - day court - ordered stint .\n");
        Assert.All(events, e => Assert.Contains("Lindsay Lohan", e.Participants));
    }
}
