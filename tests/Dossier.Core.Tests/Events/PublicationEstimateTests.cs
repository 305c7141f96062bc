using System.Text;
using System.Text.Json;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>An article that states no publication date gets a bound on it from the happenings it
/// dates, flagged as an estimate; its events that would take the article's date take that estimate.
/// Orangesum 583 (published 2020-06-23), read without its date: "Le mouvement des "gilets jaunes",
/// démarré en novembre 2018, … alors que des manifestants ont été éborgnés …".</summary>
public class PublicationEstimateTests
{
    private static (IReadOnlyList<ExportedDocument> Documents, CorpusResults Corpus) Dossier(List<ExportedDocument> documents)
    {
        var entities = EntityResolver.Resolve(documents);
        return (documents, new CorpusResults(entities, [], [], [], EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities))));
    }

    private static JsonElement Exported(IReadOnlyList<ExportedDocument> documents, CorpusResults corpus)
    {
        using var stream = new MemoryStream();
        JsonExporter.Write(stream, documents, corpus);
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }

    [Fact]
    public void An_undated_article_is_not_written_before_the_latest_happening_it_dates_to_the_month()
    {
        var article = Assert.Single(Orangesum.Undated("583")).Document;
        Assert.Null(article.Metadata.Published);
        var estimate = PublicationEstimate.Of(article.Events);
        Assert.NotNull(estimate);
        Assert.Equal(("2018-11-01", "2018-11-01/.."), (estimate.NotBefore, estimate.Value));
        Assert.Equal(("manifestants", "2018-11"), (article.TextOf(estimate.Reason.Triggers[0]), estimate.Reason.Time!.Value));
        // The year-only "2013 à 2017" of a comparison bounds nothing, and neither do statements.
        Assert.True(string.CompareOrdinal(estimate.NotBefore, "2020-06-23") <= 0);
    }

    [Fact]
    public void Events_an_undated_article_tells_with_no_date_of_their_own_take_the_estimate_flagged_as_such()
    {
        var (documents, corpus) = Dossier(Orangesum.Undated("583"));
        var attack = corpus.Events.Single(e => e.Class == "attack");
        Assert.Equal(["affrontements", "frappé"], attack.Reports.SelectMany(r => r.Mention.Triggers).Select(documents[0].Document.TextOf));
        Assert.Equal(("2018-11-01/..", true, true), (attack.Date, attack.DateInferred, attack.DateEstimated));
        Assert.Equal("2018-11-01/.. (estimated)", EventTexts.Date(attack));
        var death = corpus.Events.Single(e => e.Class == "death");
        Assert.Equal(("2018-11-01/..", true), (death.Date, death.DateEstimated));
        // An event a sentence dates keeps its date, as a fact.
        var december = corpus.Events.Single(e => e.Date == "2018-12-01");
        Assert.Equal((false, false), (december.DateInferred, december.DateEstimated));

        var json = Exported(documents, corpus);
        var document = json.GetProperty("documents")[0];
        Assert.Equal(JsonValueKind.Null, document.GetProperty("published").ValueKind);
        var published = document.GetProperty("published_estimate");
        Assert.Equal(("2018-11-01/..", "2018-11-01"), (published.GetProperty("value").GetString(), published.GetProperty("not_before").GetString()));
        var reason = published.GetProperty("reason");
        Assert.Equal(("manifestants", "2018-11", 1), (reason.GetProperty("text").GetString(), reason.GetProperty("date").GetString(), reason.GetProperty("line").GetInt32()));
        var exportedAttack = json.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetString() == attack.Id);
        Assert.Equal(("2018-11-01/..", true, true),
            (exportedAttack.GetProperty("date").GetString(), exportedAttack.GetProperty("date_inferred").GetBoolean(), exportedAttack.GetProperty("date_estimated").GetBoolean()));
    }

    [Fact]
    public void The_same_article_with_its_date_gets_no_estimate_and_its_events_take_that_date()
    {
        var (documents, corpus) = Dossier(Orangesum.Articles("583"));
        Assert.DoesNotContain(corpus.Events, e => e.DateEstimated);
        Assert.Contains(corpus.Events, e => (e.Date, e.DateInferred) == ("2020-06-23", true));
        var document = Exported(documents, corpus).GetProperty("documents")[0];
        Assert.Equal("2020-06-23", document.GetProperty("published").GetProperty("value").GetString());
        Assert.False(document.TryGetProperty("published_estimate", out _));
    }
}
