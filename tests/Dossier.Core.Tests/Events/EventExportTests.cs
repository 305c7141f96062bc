using System.Text;
using System.Text.Json;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>The event exports of the seed articles: TimelineJS, Markdown, CSV, and the timeline's selections.</summary>
public class EventExportTests
{
    private static readonly Lazy<(IReadOnlyList<ExportedDocument> Documents, CorpusResults Corpus)> Seeds = new(() =>
    {
        var documents = Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal)
            .Select((p, i) => new ExportedDocument($"d{i + 1}", Samples.Analyse(Path.GetFileName(p)))).ToList();
        var entities = EntityResolver.Resolve(documents);
        return (documents, new CorpusResults(entities, [], [], [], EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities))));
    });

    private static string Export(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_TimelineJS_export_has_the_fields_TimelineJS_requires()
    {
        var (documents, corpus) = Seeds.Value;
        using var json = JsonDocument.Parse(Export(s => TimelineJsExporter.Write(s, documents, corpus)));
        var slides = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        // Every event whose year is known is a slide; a slide needs start_date.year (a number); text is optional but given.
        Assert.Equal(corpus.Events.Count(e => e.Date is { } d && char.IsAsciiDigit(d[0])), slides.Count);
        foreach (var slide in slides)
        {
            Assert.Equal(JsonValueKind.Number, slide.GetProperty("start_date").GetProperty("year").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(slide.GetProperty("text").GetProperty("headline").GetString()));
        }
        var meeting = corpus.Events.Single(e => e.Class == "meeting" && e.Date == "2016-04-18");
        var start = slides.Single(s => s.GetProperty("unique_id").GetString() == meeting.Id).GetProperty("start_date");
        Assert.Equal((2016, 4, 18), (start.GetProperty("year").GetInt32(), start.GetProperty("month").GetInt32(), start.GetProperty("day").GetInt32()));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("title").GetProperty("text").ValueKind);
    }

    [Fact]
    public void The_CSV_export_has_one_quoted_row_per_event()
    {
        var (_, corpus) = Seeds.Value;
        var lines = Export(s => CsvExporter.Write(s, corpus)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,date,date_inferred,class,status,summary,participants,place,documents,outlets,sources", lines[0]);
        Assert.Equal(corpus.Events.Count + 1, lines.Length);
        var meeting = corpus.Events.Single(e => e.Class == "meeting" && e.Date == "2016-04-18");
        Assert.StartsWith($"{meeting.Id},2016-04-18,false,meeting,happened,\"Le secrétaire américain à la Défense, Ashton Carter,",
            lines.Single(l => l.StartsWith(meeting.Id + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_happening_named_in_passing_shows_the_participants_and_place_its_phrase_names_or_stands_for()
    {
        // d2: "Cette annonce survient alors que M. Carter effectuait sa quatrième visite en Irak depuis sa prise de fonction en
        // février 2015, rencontrant le Premier ministre Haider Al-Abadi …": who Carter met in Iraq took no part in his taking office,
        // and Iraq is not where he took it; Carter, whom "sa" stands for, did.
        var (_, corpus) = Seeds.Value;
        var lines = Export(s => CsvExporter.Write(s, corpus)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var office = corpus.Events.Single(e => e.Date == "2015-02");
        Assert.Equal($"{office.Id},2015-02,false,office,happened,… sa prise de fonction en février 2015.,Ashton Carter,,1,1,d2:5; d2:26",
            lines.Single(l => l.StartsWith(office.Id + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_Markdown_report_cites_each_summary_and_lists_documents_reporting_no_event()
    {
        var (documents, corpus) = Seeds.Value;
        var report = Export(s => MarkdownExporter.Write(s, documents, corpus));
        Assert.Contains("## 2016-04-18 · meeting (happened)\n\n> Le secrétaire américain à la Défense, Ashton Carter, s'est entretenu lundi", report, StringComparison.Ordinal);
        Assert.Contains("[d1:2]\n", report, StringComparison.Ordinal);
        Assert.Equal(corpus.Events.Count, report.Split("\n> ").Length - 1);
    }

    [Fact]
    public void The_timeline_selects_by_entity_dates_and_salience()
    {
        var (_, corpus) = Seeds.Value;
        var esper = EventTimeline.Select(corpus.Events, corpus.Entities, new EventQuery(Entity: "Esper"));
        Assert.All(esper, e => Assert.StartsWith("2019-10-2", e.Date, StringComparison.Ordinal));
        Assert.Contains(esper, e => e.Class == "meeting" && e.Date == "2019-10-23");
        var april2016 = EventTimeline.Select(corpus.Events, corpus.Entities, new EventQuery(From: "2016-04", To: "2016-04-30"));
        Assert.Equal(["2016-04-18", "2016-04-19"], april2016.Select(e => e.Date).Distinct());
        var top = EventTimeline.Select(corpus.Events, corpus.Entities, new EventQuery(Top: 3));
        Assert.Equal(3, top.Count);
        Assert.Equal(top.Select(e => EventTimeline.SortKey(e.Date)).Order(StringComparer.Ordinal), top.Select(e => EventTimeline.SortKey(e.Date)));
    }

    /// <summary>Values of the gilets-jaunes timeline (orangesum-5k): "la manifestation de la semaine passée" in an
    /// article of 28 November 2018 is week 47; it was listed after 31 December, since "W" sorts after digits.</summary>
    [Fact]
    public void A_week_season_or_quarter_takes_its_place_among_the_days_of_its_year()
    {
        string?[] dates = [null, "2019-01", "XXXX-01-03", "2018-12-31", "2019-SU", "2018-W47", "2018-11-17", "2019", "2018-11-24", "2019-Q2", "2018-11-19"];
        Assert.Equal(["2018-11-17", "2018-W47", "2018-11-19", "2018-11-24", "2018-12-31", "2019", "2019-01", "2019-Q2", "2019-SU", "XXXX-01-03", null],
            dates.OrderBy(EventTimeline.SortKey, StringComparer.Ordinal));
    }

    [Fact]
    public void Salience_counts_the_documents_telling_of_a_day_and_weighs_a_stated_date_over_an_article_s_own()
    {
        var (_, corpus) = Seeds.Value;
        // The Carter–al-Abadi meeting: d1 is dated that Monday and says "lundi" (0.5), d5 states the day (1).
        var meeting = corpus.Events.Single(e => e.Date == "2016-04-18");
        Assert.Equal(["d1", "d5"], meeting.Reports.Select(r => r.DocumentId).Distinct().Order());
        Assert.Equal(1.5, meeting.Salience);
        var top = EventTimeline.Select(corpus.Events, corpus.Entities, new EventQuery(Top: 4));
        // d5's "reprend ses opérations" takes no place, so is no capture: it no longer joins the taking of Qayyarah (9 July
        // 2016) to d5, nor, through it, the attacks of April 2016 (d1, d3) to d5's drone strike of 3 January 2020. The
        // deployment and the attacks told on 19 April 2016 and the meeting of 23 October 2019 lead now.
        Assert.Equal(["2016-04-18", "2016-04-19", "2019-10-20", "2019-10-23"], top.Select(e => e.Date));
        // Two events of 11 July 2016 (a deployment and a meeting): the second comes only after every other day.
        var dated = corpus.Events.Count(e => e.Date is not null);
        var all = EventTimeline.Select(corpus.Events, corpus.Entities, new EventQuery(Top: dated - 1));
        Assert.Single(all, e => e.Date == "2016-07-11");
    }

    /// <summary>Four Reuters articles of Timeline17's H1N1 topic (lead and last sentence of each), every last sentence glued
    /// to the page's footer. "connected" names an event on every day, and on 27 April, in both articles, it was the day's
    /// most reported event, ahead of the virologist's warning.</summary>
    [Fact]
    public void An_event_named_only_by_a_word_naming_events_on_most_other_days_comes_after_its_day_s_particular_events()
    {
        const string footer = "An ultra-low latency infrastructure for electronic trading and data distribution A connected approach to governance , risk and compliance Our next generation legal research platform";
        (string Published, string Text)[] articles =
        [
            ("2009-03-02", "By Maggie Fox , Health and Science Editor WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST WASHINGTON -LRB- Reuters -RRB- - Virtually all cases of the most common strain of flu circulating in the United States now resist the main drug used to treat it , the U.S. Centers for Disease Control and Prevention reported on Monday . '' -LRB- Reporting by Maggie Fox ; Editing by Will Dunham and Eric Walsh -RRB- " + footer),
            ("2009-04-15", "HONG KONG | Wed Apr 15 , 2009 5:56 am EDT HONG KONG -LRB- Reuters -RRB- - Scientists in Hong Kong and the United States have identified a synthetic compound which appears to be able to stop the replication of influenza viruses , including the H5N1 bird flu virus . -LRB- Reporting by Tan Ee Lyn ; Editing by Sugita Katyal -RRB- " + footer),
            ("2009-04-27", "HONG KONG | Mon Apr 27 , 2009 12:43 am EDT HONG KONG -LRB- Reuters -RRB- - A Chinese virologist who helped fight SARS and bird flu warned on Monday of a possible swine flu pandemic that the most populous countries in Asia , China and India , would be ill-prepared to handle . -LRB- Editing by Chris Lewis and Nick Macfie -RRB- " + footer),
            ("2009-04-27", "NEW YORK | Mon Apr 27 , 2009 11:34 pm BST NEW YORK -LRB- Reuters -RRB- - Fears that an outbreak of swine flu could become a pandemic brought a new threat to the global economy on Monday , just as some economic indicators appeared to be bottoming out . -LRB- Reporting by Reuters correspondents worldwide ; Writing by Dena Aubin ; Editing by Patricia Zengerle -RRB- " + footer),
        ];
        var documents = articles.Select((a, i) => new ExportedDocument($"d{i + 1}", Samples.AnalyseText(a.Text, $"reuters{i + 1}.txt", a.Published))).ToList();
        var entities = EntityResolver.Resolve(documents);
        var events = EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities));

        var footerEvents = events.Where(e => e.Reports.All(r => r.Source.Text.Substring(r.Mention.Triggers[0].Start, r.Mention.Triggers[0].Length) == "connected")).ToList();
        Assert.Equal(["2009-03-02", "2009-04-15", "2009-04-27"], footerEvents.Select(e => e.Date).Order(StringComparer.Ordinal));
        // On every other day: nothing of the day's salience is left to it.
        Assert.All(footerEvents, e => Assert.Equal(0, e.Salience));
        // The footer's undated "governance", in all four articles, is the most reported event: the three days come after it.
        var top = EventTimeline.Select(events, entities, new EventQuery(Top: 4));
        Assert.Equal(["2009-03-02", "2009-04-15", "2009-04-27", null], top.Select(e => e.Date));
        // Two articles of the day, at half weight each: the day's salience, kept by its particular events.
        Assert.Equal(1, events.Where(e => e.Date == "2009-04-27").Max(e => e.Salience));
        Assert.StartsWith("… 43 am EDT HONG KONG -LRB- Reuters -RRB- - A Chinese virologist who helped fight SARS", top[2].Summary, StringComparison.Ordinal);
    }
}
