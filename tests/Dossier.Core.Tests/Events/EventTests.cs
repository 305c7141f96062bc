using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Events;

/// <summary>Event mentions and their merging on the seed articles and on short dated articles.</summary>
public class EventTests
{
    private static readonly Lazy<IReadOnlyList<DossierEvent>> SeedEvents = new(() =>
        Merge(Directory.GetFiles(Samples.Folder, "*.txt").Order(StringComparer.Ordinal).Select(p => Samples.Analyse(Path.GetFileName(p)))));

    private static IReadOnlyList<DossierEvent> Merge(IEnumerable<AnalysedDocument> analysed)
    {
        var documents = analysed.Select((d, i) => new ExportedDocument($"d{i + 1}", d)).ToList();
        var entities = EntityResolver.Resolve(documents);
        return EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities));
    }

    private static DossierEvent EventAt(IReadOnlyList<DossierEvent> events, string doc, int line, string cls) =>
        events.Single(e => e.Class == cls && e.Evidence.Contains(new EventEvidence(doc, line)));

    private static string TriggerText(EventReport report, int index = 0)
    {
        var span = report.Mention.Triggers[index];
        return report.Source.Text.Substring(span.Start, span.Length);
    }

    [Fact]
    public void The_Carter_al_Abadi_meeting_told_in_two_sentences_is_one_event_of_18_April_2016()
    {
        var meeting = EventAt(SeedEvents.Value, "d1", 2, "meeting");
        Assert.Same(meeting, EventAt(SeedEvents.Value, "d1", 3, "meeting"));
        Assert.Equal("2016-04-18", meeting.Date);
        Assert.False(meeting.DateInferred);
        Assert.Equal("meeting", meeting.Class);
        Assert.Contains(meeting.Reports, r => r.Line == 2 && TriggerText(r) == "entretenu");
        Assert.Contains(meeting.Reports, r => r.Line == 3 && TriggerText(r) == "rencontré");
        Assert.StartsWith("Le secrétaire américain à la Défense, Ashton Carter, s'est entretenu lundi", meeting.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2016_and_2019_visits_to_Baghdad_are_two_events()
    {
        var visit2016 = EventAt(SeedEvents.Value, "d1", 2, "meeting");
        var visit2019 = EventAt(SeedEvents.Value, "d4", 6, "meeting");
        Assert.NotSame(visit2016, visit2019);
        Assert.Equal(("meeting", "2016-04-18"), (visit2016.Class, visit2016.Date));
        Assert.Equal(("meeting", "2019-10-23"), (visit2019.Class, visit2019.Date));
    }

    [Fact]
    public void The_strike_of_3_January_and_the_strike_mentioned_later_are_one_event()
    {
        var article = Samples.AnalyseText(
            "Publié le 15/01/2020\n" +
            "Les États-Unis ont lancé une frappe de drone près de l'aéroport international de Bagdad le 3 janvier, qui a tué le général iranien Qassem Soleimani.\n" +
            "Les responsables irakiens ont qualifié la frappe américaine qui a tué Soleimani de violation inacceptable de la souveraineté irakienne.\n");
        var strike = Assert.Single(Merge([article]));
        Assert.Equal("2020-01-03", strike.Date);
        Assert.Equal("attack", strike.Class);
        Assert.Equal([new EventEvidence("d1", 2), new EventEvidence("d1", 3)], strike.Evidence);
        Assert.Equal(["frappe", "tué", "frappe", "tué"], strike.Reports.SelectMany(r => r.Mention.Triggers.Select((_, i) => TriggerText(r, i))));
    }

    [Fact]
    public void A_planned_deployment_is_not_a_happened_one()
    {
        var announced = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        var deploys = announced.Events.Single(e => announced.LineAt(e.Triggers[0].Start).Number == 12 && e.Class == "deployment");
        Assert.Equal(EventStatus.Planned, deploys.Status);
        Assert.Equal("déploiera", announced.Text.Substring(deploys.Triggers[0].Start, deploys.Triggers[0].Length));

        var reported = Samples.Analyse("000_6d8b029ee740e503.txt");
        var send = reported.Events.Single(e => reported.LineAt(e.Triggers[0].Start).Number == 10);
        Assert.Equal(("deployment", EventStatus.Planned), (send.Class, send.Status));
        Assert.Equal(new EventTime("2016-04-19", true, null), send.Time);
    }

    [Fact]
    public void Aller_before_an_infinitive_makes_a_plan_in_every_person()
    {
        // orangesum-5k: the préfet de police on the coming Saturday of "gilets jaunes".
        var article = Samples.AnalyseText("Publié le 13/12/2018\n\"Nous allons déployer un dispositif assez conséquent et mobile\", a indiqué le préfet de police.\n");
        var deploy = article.Events.Single(e => e.Class == "deployment");
        Assert.Equal(("déployer", EventStatus.Planned), (article.Text.Substring(deploy.Triggers[0].Start, deploy.Triggers[0].Length), deploy.Status));
    }

    [Fact]
    public void A_denied_happening_is_a_negated_mention_and_no_event()
    {
        var article = Samples.Analyse("004_49e0df675a038899.txt");
        var withdraw = article.Events.Single(e => article.Text.Substring(e.Triggers[0].Start, e.Triggers[0].Length) == "retirer");
        Assert.Equal(EventStatus.Negated, withdraw.Status);
        Assert.DoesNotContain(SeedEvents.Value, e => e.Reports.Any(r => r.Mention == withdraw));
    }

    [Fact]
    public void An_undated_statement_and_an_undated_plan_are_events_of_no_date_that_the_timeline_leaves_out()
    {
        var statement = EventAt(SeedEvents.Value, "d1", 8, "statement");
        Assert.Equal(["affirmé", "communiqué"], statement.Reports.SelectMany(r => r.Mention.Triggers.Select((_, i) => TriggerText(r, i))));
        Assert.Equal((EventStatus.Happened, null, false), (statement.Status, statement.Date, statement.DateInferred));
        var timeline = EventTimeline.Select(SeedEvents.Value, [], new EventQuery());
        Assert.DoesNotContain(statement, timeline);
        Assert.Contains(EventAt(SeedEvents.Value, "d1", 2, "meeting"), timeline);

        var plan = Assert.Single(Merge([Samples.AnalyseText("Irak\nLe Pentagone prévoit de déployer des soldats supplémentaires en Irak.\n")]));
        Assert.Equal(("deployment", EventStatus.Planned, null), (plan.Class, plan.Status, plan.Date));
        Assert.Empty(EventTimeline.Select([plan], [], new EventQuery()));
    }

    [Fact]
    public void The_trigger_tagger_trained_on_annotated_news_finds_an_undated_happening_that_no_word_list_names()
    {
        var article = Samples.AnalyseText("Reid in rehab\nPublished 2008-04-02\nPerennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People on Tuesday.\n", "reid.txt");
        Assert.Empty(EventLexicon.For("en")!.Candidates("checked"));
        var checkedIn = Assert.Single(article.Events, e => article.Text.Substring(e.Triggers[0].Start, e.Triggers[0].Length) == "checked");
        // Found by the tagger alone: an occurrence that puts no point on the timeline, the date going to the listed "told".
        Assert.Equal((EventLexicon.OccurrenceClass, EventStatus.Happened, null), (checkedIn.Class, checkedIn.Status, checkedIn.Time));
        var told = Assert.Single(article.Events, e => article.Text.Substring(e.Triggers[0].Start, e.Triggers[0].Length) == "told");
        Assert.False(told.Time!.Inferred);
    }

    [Fact]
    public void An_event_with_no_time_expression_in_an_undated_article_has_no_date()
    {
        var parliament = EventAt(SeedEvents.Value, "d5", 10, "vote");
        Assert.Equal(new EventEvidence("d5", 10), Assert.Single(parliament.Evidence));
        Assert.Null(parliament.Date);
        Assert.False(parliament.DateInferred);
    }

    [Fact]
    public void Two_outlets_reporting_one_strike_make_one_event_dated_by_its_time_expression_not_by_the_later_article()
    {
        var first = Samples.AnalyseText(
            "Publié le 04/01/2020\nLes États-Unis ont lancé une frappe de drone près de l'aéroport international de Bagdad vendredi, qui a tué le général iranien Qassem Soleimani.\n",
            "a.txt");
        var later = Samples.AnalyseText(
            "Publié le 09/01/2020\nLa frappe américaine du 3 janvier à Bagdad a tué le général iranien Qassem Soleimani.\n",
            "b.txt");
        var strike = Assert.Single(Merge([first, later]));
        Assert.Equal("2020-01-03", strike.Date);
        Assert.Equal((2, 2), (strike.Documents, strike.Outlets));
    }

    [Fact]
    public void A_date_bound_to_a_trigger_noun_dates_it_and_not_an_earlier_clause()
    {
        // "Après l'attentat suicide du 4 juillet à Bagdad qui a fait près de 300 morts, l'un des plus
        // sanglants en Irak depuis l'invasion américaine de 2003, …"
        var onLine28 = SeedEvents.Value.Where(e => e.Evidence.Contains(new EventEvidence("d2", 28)) && e.Class == "attack")
            .ToDictionary(e => TriggerText(e.Reports.Single(r => r.Line == 28)), e => e.Date);
        Assert.Equal(new Dictionary<string, string?> { ["attentat"] = "2016-07-04", ["invasion"] = "2003" }, onLine28);
    }

    [Theory]
    // Orangesum 10853, of 12 January 2020: the mayor since 2001 announced her candidacy on the day of the article.
    [InlineData("10853", "depuis 2001", "annoncé", "2020-01-12")]
    // Orangesum 28430, of 22 November 2018: "Cet ingénieur …, où il siège depuis 2004, a remporté 2.720 voix".
    [InlineData("28430", "depuis 2004", "votes", "2018-11-22")]
    public void A_date_after_since_dates_the_state_of_its_own_clause_not_the_happening_of_another(string id, string since, string trigger, string articleDay)
    {
        var document = Orangesum.Articles(id)[0].Document;
        var mention = document.Events.Single(m => document.TextOf(m.Triggers[0]) == trigger
            && document.TextOf(document.Sentences[m.Sentence].Span).Contains(since, StringComparison.Ordinal));
        Assert.Equal((articleDay, true), (mention.Time?.Value, mention.Time?.Inferred));
    }

    /// <summary>The date of the mention of a trigger in the sentence holding a phrase, in an Orangesum article, and whether it is inferred.</summary>
    private static (string? Value, bool? Inferred) DateOf(string id, string phrase, string trigger)
    {
        var document = Orangesum.Articles(id)[0].Document;
        var mention = document.Events.Single(m => document.TextOf(m.Triggers[0]) == trigger
            && document.TextOf(document.Sentences[m.Sentence].Span).Contains(phrase, StringComparison.Ordinal));
        return (mention.Time?.Value, mention.Time?.Inferred);
    }

    [Theory]
    // "un rassemblement régional pourrait se dérouler Place du 1er Mai": the day names a square.
    [InlineData("26639", "Place du 1er Mai", "rassemblement", "2019-02-15", true)]
    // "un dispositif assez semblable à celui de la semaine passée": the week is the other deployment's.
    [InlineData("27951", "celui de la semaine passée", "déployer", "2018-12-14", true)]
    // "la précédente mobilisation du 1er décembre au cours de laquelle 412 personnes avaient été interpellées":
    // a mobilisation is a happening (fr events.tsv happening), so its date dates the arrests told of it.
    [InlineData("28078", "mobilisation du 1er décembre", "interpellées", "2018-12-01", false)]
    // "…, explique le JDD dans son édition de dimanche 9 septembre": an edition names no happening, but carries the statement.
    [InlineData("20594", "son édition de dimanche 9 septembre", "explique", "2018-09-09", false)]
    public void A_date_bound_to_a_noun_that_names_no_happening_dates_nothing(string id, string phrase, string trigger, string date, bool inferred) =>
        Assert.Equal((date, inferred), DateOf(id, phrase, trigger));

    [Fact]
    public void A_date_before_a_noun_is_that_nouns_not_bound_by_the_preposition_before_its_article()
    {
        // Timeline17 (bpoil): "convicted of the 1988 bombing": the year is the bombing's, not the conviction's.
        var document = Samples.AnalyseText(
            "Release\nPublished 2010-07-19\nBP said it was not involved in talks on the release of Abdel Basset al-Megrahi, convicted of the 1988 bombing of a Pan Am flight.\n",
            "release.txt");
        var dates = document.Events.ToDictionary(m => document.TextOf(m.Triggers[0]), m => m.Time?.Value);
        Assert.Equal(("1988", "2010-07-19"), (dates["bombing"], dates["convicted"]));
    }

    [Theory]
    // "Celle qui assure avoir réduit de 25% les émissions locales parisiennes en 2018 par rapport à 2014 a également
    // été régulièrement attaquée par ses rivaux": neither compared year is the attacks' date.
    [InlineData("856", "par rapport à 2014", "attaquée", "2020-06-28", true)]
    public void A_date_of_comparison_dates_nothing(string id, string phrase, string trigger, string date, bool inferred) =>
        Assert.Equal((date, inferred), DateOf(id, phrase, trigger));

    [Fact]
    public void A_date_of_comparison_dates_nothing_in_english()
    {
        var document = Samples.AnalyseText(
            "Emissions\nPublished 2020-06-28\nShe says she cut emissions by 25% in 2018 compared with 2014 and was attacked by her rivals.\n",
            "emissions.txt");
        Assert.Equal("2020-06-28", document.Events.Single(m => m.Class == "attack").Time?.Value);
    }

    [Fact]
    public void A_count_since_a_date_is_not_dated_by_it_but_a_state_since_a_date_is()
    {
        var document = Samples.AnalyseText(
            "Publié le 24/05/2020\nPar ailleurs, Santé Publique France a comptabilisé 17.944 décès dans les hôpitaux, portant le total des morts depuis le 1er mars à 28.289.\n"
            + "Les cheminots sont en grève depuis le 5 décembre.\n",
            "bilan.txt");
        Assert.Equal(new Dictionary<string, string?> { ["décès"] = "2020-05-24", ["grève"] = "2019-12-05" },
            document.Events.ToDictionary(m => document.TextOf(m.Triggers[0]), m => m.Time?.Value));
    }

    [Fact]
    public void A_count_is_not_dated_by_its_since_phrase()
    {
        // Orangesum 12002 (7 May 2020), 33734 (10 August 2020) and 32065 (15 September 2020): each toll is the day's count, not
        // December's, when it starts, whether the date stands a few words into the since phrase, the counting verb stands well
        // before it, or the since word opens a clause.
        var tolls = new[]
        {
            ("Publié le 07/05/2020\nLa pandémie a fait au moins 266.919 morts dans le monde depuis son apparition en décembre en Chine, selon un bilan établi par l'AFP à partir de sources officielles jeudi à 19h00 GMT.\n", "morts"),
            ("Publié le 10/08/2020\nDans le monde, le virus a tué près de 730.000 personnes et en a contaminé plus de 19 millions au total depuis fin décembre, selon un comptage réalisé dimanche par l'AFP à partir de sources officielles.\n", "tué"),
            ("Publié le 15/09/2020\nLa pandémie a fait plus de 929.000 morts dans le monde depuis que le bureau de l'OMS en Chine a fait état de l'apparition de la maladie fin décembre, dont plus de 4.430 morts et plus de 269.350 nouveaux cas sur la journée de lundi, selon un bilan établi par l'AFP mardi de sources officielles.\n", "morts"),
        }.Select(t =>
        {
            var document = Samples.AnalyseText(t.Item1, "bilan.txt");
            var toll = document.Events.Single(m => document.TextOf(m.Triggers[0]) == t.Item2);
            return (toll.Time?.Value, toll.Time?.Inferred);
        });
        Assert.Equal([("2020-05-07", false), ("2020-08-09", false), ("2020-09-14", false)], tolls);
    }

    /// <summary>The events of articles given as (publication line, text), each its own topic.</summary>
    private static IReadOnlyList<DossierEvent> MergeAcrossTopics(params string[] articles)
    {
        var documents = articles.Select((text, i) => new ExportedDocument($"d{i + 1}", Samples.AnalyseText(text, $"a{i + 1}.txt"))).ToList();
        var topicOf = documents.ToDictionary(d => d.Id, d => $"s{d.Id}");
        return EventMerger.Merge(EventMerger.Reports(documents, EntityResolver.Resolve(documents)), topicOf);
    }

    [Fact]
    public void A_happening_named_beside_its_word_on_a_stated_day_is_one_event_across_topics_planned_or_held()
    {
        // Orangesum 17253 (a poll, 24 March) and 27069 (the movement's list, 25 January), and a report after the vote.
        var elections = MergeAcrossTopics(
            "Publié le 24/03/2019\nLa liste de La République en Marche avec le MoDem figure en tête dans les intentions de vote aux élections européennes du 26 mai, selon un sondage Harris Interactive-Agence Epoka diffusé dimanche.\n",
            "Publié le 25/01/2019\nDepuis l'annonce de la création d'une liste « gilets jaunes » pour les élections européennes du 26 mai prochain, le mouvement est scindé.\n",
            "Publié le 27/05/2019\nLe Rassemblement national est arrivé en tête des élections européennes du 26 mai.\n")
            .Where(e => e.Date == "2019-05-26").ToList();
        Assert.Equal(3, Assert.Single(elections).Documents);
    }

    [Fact]
    public void Happenings_of_one_word_and_day_named_differently_stay_two_across_topics()
    {
        var elections = MergeAcrossTopics(
            "Publié le 16/03/2020\nLe premier tour des élections municipales du 15 mars a été marqué par une forte abstention.\n",
            "Publié le 16/03/2020\nLe premier tour des élections législatives du 15 mars a été marqué par une forte abstention.\n")
            .Where(e => e.Date == "2020-03-15").ToList();
        Assert.Equal([1, 1], elections.Select(e => e.Documents));
    }

    [Fact]
    public void The_recapture_two_days_before_the_visit_is_dated_from_the_visit()
    {
        // "Sa visite survient deux jours après la reprise par les forces irakiennes de cette base …",
        // in an article of Monday 11 July 2016: the recapture took place on the 9th.
        var recapture = SeedEvents.Value.Single(e => e.Class == "capture" && e.Reports.Any(r => r.DocumentId == "d2" && r.Line == 16 && TriggerText(r) == "reprise"));
        Assert.Equal("2016-07-09", recapture.Date);
        Assert.False(recapture.DateInferred);
    }

    /// <summary>The dates of the mentions of one sentence of a document, by their first trigger's text.</summary>
    private static Dictionary<string, string?> DatesOnLine(AnalysedDocument document, int line) =>
        document.Events.Where(m => document.LineAt(m.Triggers[0].Start).Number == line)
            .ToDictionary(m => document.Text.Substring(m.Triggers[0].Start, m.Triggers[0].Length), m => m.Time?.Value);

    [Fact]
    public void A_happening_a_lapse_after_another_dated_in_the_article_is_dated_from_it()
    {
        var document = Samples.AnalyseText(
            "Strike on the base\n\nA US strike hit the base near Baghdad on 3 January 2020.\n\nThousands protested in Baghdad two days after the strike.\n\nA vigil was held the day after the strike.\n",
            "strike.txt");
        Assert.Equal("2020-01-05", DatesOnLine(document, 5)["protested"]);
        Assert.Equal("2020-01-04", DatesOnLine(document, 7)["vigil"]);
        Assert.Equal("2020-01-03", DatesOnLine(document, 7)["strike"]);
        var protest = document.Events.Single(m => m.Class == "protest" && m.Time?.Value == "2020-01-05");
        Assert.False(protest.Time!.Inferred);
        Assert.Equal("two days after", document.Text.Substring(protest.Time.Expression!.Value.Start, protest.Time.Expression.Value.Length));
    }

    [Fact]
    public void A_happening_a_lapse_before_another_dated_in_the_article_is_dated_from_it_in_french()
    {
        var document = Samples.AnalyseText(
            "Frappe sur la base\n\nUne frappe américaine a visé la base le 3 janvier 2020.\n\nDes milliers de manifestants se sont rassemblés à Bagdad trois jours avant la frappe.\n",
            "frappe.txt");
        Assert.Equal("2019-12-31", DatesOnLine(document, 5)["manifestants"]);
    }

    [Fact]
    public void A_happening_told_as_the_circumstance_of_a_dated_one_takes_its_date_not_the_article_s()
    {
        // Orangesum 27327, of 13 January 2019: "Un avocat a été interpellé et placé en garde à vue samedi 12 janvier
        // pour "incitation à la rébellion" lors d'un rassemblement dans le calme de près d'une centaine de "gilets jaunes" à Nancy."
        var document = Orangesum.Articles("27327")[0].Document;
        var gathering = document.Events.Single(m => document.TextOf(m.Triggers[0]) == "rassemblement"
            && document.TextOf(document.Sentences[m.Sentence].Span).Contains("samedi 12 janvier", StringComparison.Ordinal));
        Assert.Equal(("protest", "2019-01-12", false), (gathering.Class, gathering.Time?.Value, gathering.Time?.Inferred));
        Assert.Equal("samedi 12 janvier", document.TextOf(gathering.Time!.Expression!.Value));
    }

    [Fact]
    public void A_summary_is_the_clauses_of_the_happening_with_its_subject_cut_to_one_line()
    {
        var deployment = EventAt(SeedEvents.Value, "d2", 3, "deployment");
        Assert.Equal("Ashton Carter, chef du Pentagone, a annoncé lundi à Bagdad le déploiement de 560 militaires supplémentaires en Irak pour aider les forces gouvernementales à …",
            deployment.Summary);
        var bombing = SeedEvents.Value.Single(e => e.Date == "2016-07-04");
        Assert.Equal("Après l'attentat suicide du 4 juillet à Bagdad qui a fait près de 300 morts, l'un des plus sanglants en Irak depuis l'invasion américaine de 2003 …",
            bombing.Summary);
        Assert.All(SeedEvents.Value, e => Assert.InRange(e.Summary.Length, 1, EventSummary.MaxLength + 2));
    }

    [Fact]
    public void A_happening_named_in_passing_in_a_time_phrase_is_told_by_that_phrase()
    {
        // d2: "Cette annonce survient alors que M. Carter effectuait sa quatrième visite en Irak depuis sa prise de fonction en
        // février 2015, rencontrant le Premier ministre Haider Al-Abadi …"; "Après l'attentat suicide du 4 juillet à Bagdad …,
        // l'un des plus sanglants en Irak depuis l'invasion américaine de 2003, il a aussi présenté ses condoléances au Premier ministre."
        var office = SeedEvents.Value.Single(e => e.Date == "2015-02");
        Assert.Equal("… sa prise de fonction en février 2015.", office.Summary);
        var invasion = SeedEvents.Value.Single(e => e.Date == "2003");
        Assert.Equal("… l'invasion américaine de 2003 …", invasion.Summary);
    }

    [Fact]
    public void A_happening_named_in_passing_after_words_telling_no_other_happening_is_told_by_its_phrase()
    {
        // Orangesum 18426: "L'Espagne est relativement épargnée depuis le terrible attentat de la gare d'Atocha le 11 mars 2004 qui
        // avait fait 191 victimes."; 9847: "Ce pénaliste belge réputé avait assuré la défense d'Abdeslam après son arrestation à
        // Bruxelles le 18 mars 2016 à l'issue de quatre mois de cavale."
        var atocha = Merge(Orangesum.Articles("18426").Select(d => d.Document)).Single(e => e.Date == "2004-03-11");
        Assert.Equal("… le terrible attentat de la gare d'Atocha le 11 mars 2004 qui avait fait 191 victimes.", atocha.Summary);
        var arrest = Merge(Orangesum.Articles("9847").Select(d => d.Document)).Single(e => e.Date == "2016-03-18");
        Assert.Equal("… son arrestation à Bruxelles le 18 mars 2016 à l'issue de quatre mois de cavale.", arrest.Summary);
    }

    [Fact]
    public void A_possessive_opening_a_phrase_naming_a_happening_in_passing_stands_for_the_one_person_named_before_it()
    {
        // Orangesum 9847: "Ce pénaliste belge réputé avait assuré la défense d'Abdeslam après son arrestation à Bruxelles le
        // 18 mars 2016 à l'issue de quatre mois de cavale.": the arrest is Abdeslam's, though the phrase names him only by "son".
        var documents = Orangesum.Articles("9847").Select((d, i) => new ExportedDocument($"d{i + 1}", d.Document)).ToList();
        var entities = EntityResolver.Resolve(documents);
        var arrest = EventMerger.Merge(documents, entities, StoryBuilder.Build(documents, entities)).Single(e => e.Date == "2016-03-18");
        var names = entities.ToDictionary(e => e.Id, e => e.Name);
        Assert.Equal(["Abdeslam"], arrest.Participants.Select(p => names[p]));
        Assert.Equal("Bruxelles", names[arrest.Place!]);
    }

    [Fact]
    public void In_a_dossier_of_a_few_days_a_word_naming_events_on_most_of_them_keeps_its_events_salience()
    {
        // Twelve "gilets jaunes" articles of 20 to 24 November 2018: "manifester" names events on most of those days, and
        // 28383's "Ce samedi 24 novembre, au moins 8 000 "gilets jaunes" ont manifesté à Paris dont 5 000 sur les
        // Champs-Élysées." is the story's own happening: it keeps its day's whole salience, 2.5, not 0.65.
        var protest = Merge(Orangesum.Articles("28383", "28399", "19856", "19827", "28401", "19855", "28420", "28463", "28452", "28430",
                "19874", "28415").Select(d => d.Document))
            .Single(e => e.Summary.StartsWith("Ce samedi 24 novembre, au moins 8 000", StringComparison.Ordinal));
        Assert.Equal("2018-11-24", protest.Date);
        Assert.Equal(2.5, protest.Salience);
    }

    [Fact]
    public void A_time_phrase_opening_on_a_verb_names_no_happening_in_passing()
    {
        // Orangesum 18469: "Selon Arnaud Julien, patron des Républicains du département, le trentenaire hésitait encore après
        // avoir annoncé son retrait dimanche.": who withdrew is the sentence's subject, which "… avoir annoncé son retrait
        // dimanche." would lose.
        var withdrawal = Merge(Orangesum.Articles("18469").Select(d => d.Document)).Single(e => e.Date == "2020-01-26");
        Assert.Equal("… patron des Républicains du département, le trentenaire hésitait encore après avoir annoncé son retrait dimanche.",
            withdrawal.Summary);
    }

    [Fact]
    public void A_date_the_opening_word_starts_from_or_of_another_clause_names_no_happening_in_passing()
    {
        // Orangesum 10411: "Il était radicalisé depuis au moins 2015 et son attaque est …": the date is the state's; 21032:
        // "D'après les chiffres arrêtés mi-mai par l'Intérieur, …": "après" ends "d'après", which opens no time phrase.
        Assert.StartsWith("Il était radicalisé depuis au moins 2015 et son attaque",
            Merge(Orangesum.Articles("10411").Select(d => d.Document)).Single(e => e.Date == "2015").Summary, StringComparison.Ordinal);
        Assert.StartsWith("D'après les chiffres arrêtés mi-mai par l'Intérieur, 2.448 blessés",
            Merge(Orangesum.Articles("21032").Select(d => d.Document)).Single(e => e.Date == "2019-05").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_starting_inside_its_sentence_says_so()
    {
        // Orangesum 28196: "Sur la place du Capitole, en plein cœur de Toulouse, où ils étaient rassemblés
        // dans l'après-midi, les lycéens, auxquels s'étaient joints de nombreux autres manifestants, se
        // sont avancés mains en l'air vers…": the line is cut from the sentence's third clause.
        var events = Merge(Orangesum.Articles("28196").Select(d => d.Document));
        var gathering = events.Single(e => e.Reports.Any(r => TriggerText(r) == "manifestants"));
        Assert.Equal("… où ils étaient rassemblés dans l'après-midi, les lycéens, auxquels s'étaient joints de nombreux autres manifestants …", gathering.Summary);
        Assert.All(events, e => Assert.InRange(e.Summary.Length, 1, EventSummary.MaxLength + 2));
    }

    [Fact]
    public void A_summary_whose_clause_closes_right_after_its_trigger_takes_the_next_clause()
    {
        // Orangesum 19887: "Outre ce décès, plus de 400 personnes ont été blessées entre samedi et dimanche mati,
        // dont 14 gravement, …": the clause of "décès" alone says nothing of the happening.
        var events = Merge(Orangesum.Articles("19887").Select(d => d.Document));
        var death = events.Single(e => e.Reports.Any(r => r.Source.TextOf(r.Mention.Triggers[0]) == "décès"
            && r.Source.TextOf(r.Source.Sentences[r.Mention.Sentence].Span).StartsWith("Outre ce décès", StringComparison.Ordinal)));
        Assert.Equal("Outre ce décès, plus de 400 personnes ont été blessées entre samedi et dimanche mati, dont 14 gravement, dans différentes régions de France.", death.Summary);
        Assert.All(events, e => Assert.InRange(e.Summary.Trim('…', ' ').Length, 30, EventSummary.MaxLength));
    }

    [Fact]
    public void A_photo_credit_glued_before_a_sentence_is_left_out_of_its_summary()
    {
        // Timeline17 bpoil_guardian 1569: "… It later sank with the presumed loss of 11 lives . Photograph : Gerald
        // Herbert\/AP Underwater robots dived to the ocean floor yesterday …": caption, credit and article run on one line.
        var robots = Merge(Timeline17.Articles("bpoil_guardian", "1569").Select(d => d.Document));
        Assert.Equal("Underwater robots dived to the ocean floor yesterday in a new effort to staunch the 42,000 gallons of oil a day being pumped into the Gulf of Mexico in America …",
            robots.Single(e => e.Reports.Any(r => TriggerText(r) == "dived")).Summary);
        // bpoil_guardian 15: "… Photograph : Jim Young\/Reuters BP is being accused by a US congressional committee …".
        var warnings = Merge(Timeline17.Articles("bpoil_guardian", "15").Select(d => d.Document));
        Assert.Equal("BP is being accused by a US congressional committee of ignoring warnings , violating its own industry guidelines …",
            warnings.Single(e => e.Reports.Any(r => TriggerText(r) == "hearing")).Summary);
        // bpoil_bbc 1559: names joined by a slash that end in no agency are no credit.
        var comment = Merge(Timeline17.Articles("bpoil_bbc", "1559").Select(d => d.Document));
        Assert.Equal("US Military\\/Homeland Security sat back and did nothing for an age and have then come forward to do very little - they did n't seem to have a plan or any tools …",
            comment.Single(e => e.Reports.Any(r => TriggerText(r) == "nothing")).Summary);
    }

    [Fact]
    public void A_summary_with_room_left_takes_the_whole_clauses_after_its_trigger()
    {
        var events = Merge(Timeline17.Articles("bpoil_bbc", "1238").Select(d => d.Document));
        Assert.Equal("BP 's chairman has been asked to meet Barack Obama next week , amid assurances from the UK and US that bilateral ties will not be affected by the crisis .",
            events.Single(e => e.Reports.Any(r => TriggerText(r) == "asked")).Summary);
    }

    [Fact]
    public void A_summary_closes_the_quotation_it_opens()
    {
        // Orangesum 28162: "… pour tenter d'apaiser la colère des "gilets jaunes". Édouard Philippe a ainsi suspendu …".
        var events = Merge(Orangesum.Articles("28162").Select(d => d.Document));
        Assert.Equal("Le Premier ministre a fait plusieurs annonces mardi 4 décembre pour tenter d'apaiser la colère des \"gilets jaunes\"",
            events.Single(e => e.Reports.Any(r => TriggerText(r) == "annonces")).Summary);
    }

    [Fact]
    public void A_summary_cuts_at_no_comma_inside_a_number_and_holds_the_trigger_of_a_long_clause()
    {
        var events = Merge(Timeline17.Articles("bpoil_guardian", "1569").Select(d => d.Document));
        Assert.Equal("As of yesterday morning , the crews have retrieved about 1,152 barrels of an oil-and-water mix , BP said .",
            events.Single(e => e.Reports.Any(r => TriggerText(r) == "retrieved")).Summary);
        // "The plan put into operation yesterday called for four underwater robots to dive 1,500 metres -LRB- 5,000 ft -RRB- below the
        // surface of the water to try to activate …": no clause mark before the trigger within a line's length.
        Assert.Equal("… to dive 1,500 metres -LRB- 5,000 ft -RRB- below the surface of the water to try to activate the gargantuan system of pipes and valves that sits next to the …",
            events.Single(e => e.Reports.Any(r => TriggerText(r) == "activating")).Summary);
    }

    [Fact]
    public void An_undated_happening_told_just_after_a_sentence_dated_years_before_the_article_takes_no_article_date()
    {
        // "… s'est spectaculairement dégradée depuis juin 2014 … L'EI a pris le contrôle de la ville de Mossoul …"
        var mosul = EventAt(SeedEvents.Value, "d1", 15, "capture");
        Assert.Null(mosul.Date);
        Assert.False(mosul.DateInferred);
    }

    [Fact]
    public void Undated_articles_of_one_story_naming_one_happening_with_one_word_make_one_event_and_another_place_stays_apart()
    {
        var first = Samples.AnalyseText("Indonesia earthquake\nA powerful earthquake struck Aceh province in Indonesia, killing at least 12 people, officials said.\n", "a.txt");
        var second = Samples.AnalyseText("Aceh rescue\nRescuers in Aceh searched for survivors after the earthquake in Indonesia destroyed hundreds of homes.\n", "b.txt");
        var other = Samples.AnalyseText("Chile earthquake\nA strong earthquake struck central Chile, damaging roads near Santiago.\n", "c.txt");
        var events = Merge([first, second, other]);
        var aceh = events.Single(e => e.Evidence.Contains(new EventEvidence("d1", 2)) && e.Class == "disaster");
        Assert.Equal(["d1", "d2"], aceh.Reports.Select(r => r.DocumentId).Distinct());
        Assert.Null(aceh.Date);
        Assert.DoesNotContain(aceh.Reports, r => r.DocumentId == "d3");
    }

    /// <summary>Saying is another happening than what is said (ECB+ annotates "said" apart from what it reports):
    /// the statement makes the happening reported and dates it, but is not one of its words.</summary>
    [Theory]
    [InlineData("An explosion at a bank killed a police officer and a state bomb disposal technician , officials said Saturday , offering a $ 35,000 reward for information leading to an arrest and conviction in the case .",
        "2008-12-14", "explosion killed", "2008-12-13")]
    [InlineData("Ashton Carter, chef du Pentagone, a annoncé lundi à Bagdad le déploiement de 560 militaires supplémentaires en Irak pour aider les forces gouvernementales à lutter contre l'Etat islamique (EI).",
        "2016-04-19", "déploiement", "2016-04-18")]
    public void A_statement_reporting_a_happening_dates_it_and_makes_it_reported_without_being_one_of_its_words(string sentence, string published, string words, string date)
    {
        var document = Samples.AnalyseText($"Title\n{sentence}\n", "a.txt", published);
        var mention = Assert.Single(document.Events, e => document.Text.Substring(e.Triggers[0].Start, e.Triggers[0].Length) == words.Split(' ')[0]);
        Assert.Equal(words, string.Join(" ", mention.Triggers.Select(t => document.Text.Substring(t.Start, t.Length))));
        Assert.Equal((EventStatus.Reported, true, date, false), (mention.Status, mention.Framed, mention.Time?.Value, mention.Time?.Inferred));
    }

    /// <summary>An article of Monday 26 November 2018 on the second Saturday of the "gilets jaunes" recalls the first,
    /// of 17 November: the day recalled is not the article's news (one event dated 17 November before).</summary>
    [Fact]
    public void A_happening_an_article_recalls_by_its_date_stays_apart_from_the_news_the_article_s_date_dates()
    {
        var article = Samples.AnalyseText("Gilets jaunes : 101 gardes à vue\n" +
            "Un total de 101 personnes ont été placées en garde à vue après les violences qui ont émaillé le rassemblement parisien du mouvement des \"gilets jaunes\".\n" +
            "Comparant ce chiffre de 106.301 personnes exactement, à celui des 282.710 manifestants recensés lors de la première journée le 17 novembre, le ministre de l'Intérieur a évoqué un \"fort affaiblissement de la mobilisation\".\n",
            "a.txt", "2018-11-26");
        var events = Merge([article]);
        var news = events.Single(e => e.Reports.Any(r => TriggerText(r) == "rassemblement"));
        var recalled = events.Single(e => e.Reports.Any(r => TriggerText(r) == "manifestants"));
        Assert.NotSame(news, recalled);
        Assert.Equal(("2018-11-26", true, "2018-11-17", false), (news.Date, news.DateInferred, recalled.Date, recalled.DateInferred));
    }

    [Fact]
    public void A_killing_named_after_the_shooting_that_led_to_it_joins_another_article_s_killing()
    {
        // "opened fire …, killing one man" names the killing too, not only the shooting its sentence opens with.
        var shooting = Samples.AnalyseText("Vancouver office shooting\nA former employee who was recently let go from his job opened fire at an office party in Vancouver, killing one man, police said.\n", "a.txt");
        var charge = Samples.AnalyseText("Vancouver man charged\nA man from Vancouver has been charged with first-degree murder after a killing at an office party.\n", "b.txt");
        var events = Merge([shooting, charge]);
        var killing = events.Single(e => e.Reports.Any(r => r.DocumentId == "d2" && r.Mention.Triggers.Any(t => r.Source.Text.Substring(t.Start, t.Length) == "killing")));
        Assert.Equal(["opened fire", "killing", "murder", "killing"], killing.Reports.SelectMany(r => r.Mention.Triggers.Select(t => r.Source.Text.Substring(t.Start, t.Length)))
            .Where(w => w != "shooting"));
        Assert.Equal(["d1", "d2"], killing.Reports.Select(r => r.DocumentId).Distinct());
    }

    [Fact]
    public void Articles_each_a_day_or_two_after_the_last_do_not_chain_one_undated_happening_over_days()
    {
        // The same report on the 1st, 3rd and 5th of May: the 3rd may retell the happening of the 1st,
        // the 5th is too long after its first report (it chained through the 3rd before).
        string[] days = ["2010-05-01", "2010-05-03", "2010-05-05"];
        var articles = days.Select((day, i) =>
            Samples.AnalyseText("Gulf of Mexico spill\nThe oil leak off Louisiana grew larger, BP said.\n", $"{i}.txt", day));
        var leaks = Merge(articles).Where(e => e.Reports.Any(r => TriggerText(r) == "leak")).ToArray();
        Assert.Equal([["d1", "d2"], ["d3"]], leaks.Select(e => e.Reports.Select(r => r.DocumentId).Distinct().ToArray()));
        Assert.Equal(["2010-05-01", "2010-05-05"], leaks.Select(e => e.Date));
        Assert.All(leaks, e => Assert.True(e.DateInferred));
    }

    [Fact]
    public void A_word_learned_from_annotated_news_names_a_happening_that_only_the_same_word_joins_across_articles()
    {
        var first = Samples.AnalyseText("Merriman out\nThe San Diego Chargers placed Shawne Merriman on injured reserve.\n", "a.txt");
        var second = Samples.AnalyseText("Chargers linebacker\nSan Diego placed linebacker Shawne Merriman on injured reserve after he suffered a calf injury.\n", "b.txt");
        var events = Merge([first, second]);
        var placed = events.Single(e => e.Reports.Any(r => TriggerText(r) == "placed"));
        Assert.Equal(("occurrence", 2), (placed.Class, placed.Documents));
        var suffered = events.Single(e => e.Reports.Any(r => TriggerText(r) == "suffered"));
        Assert.NotSame(placed, suffered);
        Assert.Equal(["d2"], suffered.Reports.Select(r => r.DocumentId).Distinct());
    }

    [Fact]
    public void Two_articles_of_one_story_naming_the_strike_of_the_day_they_state_with_one_word_make_one_event()
    {
        // Both tell of the strike against the pension reform on Thursday 5 December 2019, under names
        // that no sentence of the strike shares: the word and the day stated say it is one strike.
        var events = Merge(Orangesum.Articles("20539", "19899").Select(d => d.Document));
        var strike = Assert.Single(events, e => e.Class == "protest" && e.Date == "2019-12-05");
        Assert.Equal(["d1", "d2"], strike.Reports.Select(r => r.DocumentId).Distinct());
    }

    /// <summary>A statement is one speaker at one time: two articles months apart that use the same verb
    /// and share a name tell of two statements. Each pair made one statement event before.</summary>
    [Theory]
    [InlineData("27271", "21482")] // "a expliqué le gouverneur de la Banque de France" (17 Jan 2019), "a expliqué Mathieu Plane" (16 Oct 2019)
    [InlineData("26693", "35211")] // a poll "souligne l'institut" (13 Feb 2019), "a affirmé Nadine Morano" (22 Jul 2020)
    [InlineData("29700", "24884")] // "précise de son côté Le Parisien" (20 Jun 2018), "précise le quotidien" (12 May 2019)
    [InlineData("29629", "32140")] // "a précisé à l'AFP une source" (28 Jun 2018), "dans une déclaration à l'AFP" (23 Sep 2020)
    [InlineData("2053", "5730")] // "a souligné le président de la commission des Lois" (17 Jun 2020), "soulignent-ils" (17 May 2020)
    public void What_is_said_in_two_articles_months_apart_is_two_statements(string first, string second)
    {
        var events = Merge(Orangesum.Articles(first, second).Select(d => d.Document));
        Assert.DoesNotContain(events, e => e.Class == "statement" && e.Reports.Select(r => r.DocumentId).Distinct().Count() > 1);
        Assert.Contains(events, e => e.Class == "statement" && e.Reports.Any(r => r.DocumentId == "d2"));
    }

    /// <summary>The statement events of a real article, each as its reports' sentences (by index) and first statement words, in text order.</summary>
    private static string[] Statements(IReadOnlyList<DossierEvent> events, string document) =>
        events.Where(e => e.Class == "statement").Select(e => string.Join(" ", e.Reports.Where(r => r.DocumentId == document)
                .Select(r => $"{r.Mention.Sentence}:{TriggerText(r, r.Mention.Triggers.Count - 1)}")))
            .Where(s => s.Length > 0).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A briefing on the cost of the movement to the economy (3 Dec 2018): a federation's communiqué, its
    /// president, the ministry of the Economy, a trade union's vice-president and a radio each speak. Nearness in the
    /// article made them one statement event; nearness alone now joins adjacent sentences only.</summary>
    [Fact]
    public void A_briefing_of_several_speakers_is_several_statement_events()
    {
        var events = Merge(Orangesum.Articles("28191").Select(d => d.Document));
        Assert.Equal(["0:communiqué", "10:précisé 14:précisé", "13:annoncé", "16:précise", "5:déclare"], Statements(events, "d1"));
    }

    /// <summary>Real sentences and the speaker of their statement: the entity or words naming it, or none.</summary>
    [Theory]
    [InlineData("Ce nouveau dispositif prendra la forme d'un \"fichier dédié\", a précisé Matignon.", "Matignon")]
    [InlineData("Les chiffres avancés par la banque de France sont \"une moyenne\", précise Les Echos.", "Les Echos")]
    [InlineData("Ces mesures de chômage partiel concernent au total 5 000 emplois à travers la France, précise la radio, citant le ministère du Travail.", "la radio")]
    [InlineData("Une enquête devrait être confiée conjointement aux services de police et de gendarmerie, a précisé à l'AFP une source proche du dossier.", "une source")]
    [InlineData("De nouvelles mesures ont été annoncées par Edouard Philippe ce samedi 14 mars pour lutter contre la propagation du coronavirus.", "Edouard Philippe")]
    [InlineData("Emmanuel Macron a déclaré qu'il ne changerait pas de cap.", "Emmanuel Macron")]
    [InlineData("\"Le gouvernement sous-estime la colère profonde qui monte dans le pays\", a-t-il déclaré jeudi sur RMC.", null)]
    [InlineData("Il a précisé que ce déclin est de l'ordre de 15% à 20% depuis le lancement de la fronde.", null)]
    // Orangesum 28367 and 28224: a role phrase names the speaker that resolution gives its holder.
    [InlineData("Le Premier ministre a fait plusieurs annonces mardi 4 décembre pour tenter d'apaiser la colère des \"gilets jaunes\".", "Le Premier ministre")]
    [InlineData("\"Nous ne reviendrons pas sur la suppression de l'ISF\", a déclaré le chef de l'État lundi soir.", "le chef de l'État")]
    public void A_statement_s_speaker_is_the_subject_of_its_verb_or_the_source_it_names(string sentence, string? speaker)
    {
        var document = Samples.AnalyseText("Publié le 07/01/2019\n" + sentence + "\n");
        var statement = Assert.Single(document.Events, e => e.Class == "statement");
        var found = StatementSpeaker.Of(document, EventLexicon.For("fr")!, statement, EntityResolver.RolePhrases(document).Select(r => r.Span).ToArray());
        Assert.Equal(speaker, found?.Entity is { } entity ? document.Text.Substring(entity.Start, entity.Length) : found?.Phrase);
    }

    /// <summary>28181: "le Premier ministre a annoncé mardi midi 4 décembre la suspension pour six mois de plusieurs
    /// mesures"; 28162: "Le Premier ministre a fait plusieurs annonces mardi 4 décembre". Both articles name Édouard
    /// Philippe, whom resolution gives the role phrase: one speaker, one announcement (two events before).</summary>
    [Fact]
    public void One_announcement_told_by_two_articles_through_the_role_of_its_speaker_is_one_event()
    {
        var events = Merge(Orangesum.Articles("28181", "28162").Select(d => d.Document));
        var announcement = Assert.Single(events, e => e.Class == "statement" && e.Date == "2018-12-04" && e.Reports.Any(r => r.DocumentId == "d2"));
        Assert.Equal(["d1", "d2"], announcement.Reports.Select(r => r.DocumentId).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>"a précisé Matignon" (7 Jan 2019) and "précise Les Echos" (17 Jan 2019): two speakers, two statements,
    /// though the articles are ten days apart and share a name. One statement event before.</summary>
    [Fact]
    public void Statements_of_two_speakers_in_two_articles_stay_apart()
    {
        var events = Merge(Orangesum.Articles("27476", "27271").Select(d => d.Document));
        Assert.DoesNotContain(events, e => e.Class == "statement" && e.Reports.Select(r => r.DocumentId).Distinct().Count() > 1);
    }

    /// <summary>The president of the World Bank's "a déclaré David Malpass", told by articles of 21 and 22 August 2020: one statement.</summary>
    [Fact]
    public void One_speaker_s_statement_told_by_two_articles_is_one_event()
    {
        var events = Merge(Orangesum.Articles("33020", "33023").Select(d => d.Document));
        var statement = Assert.Single(events, e => e.Class == "statement" && e.Reports.Any(r => r.SentenceText.Contains("a déclaré David Malpass", StringComparison.Ordinal)));
        Assert.Equal(["d1", "d2"], statement.Reports.Select(r => r.DocumentId).Distinct());
    }

    /// <summary>Three reports of the Athens bank fire of May 2010 (ECB+ topic 8), each the headline and first sentence of its article.</summary>
    private static readonly string[] BankFire =
    [
        "Three killed as rioters bomb Greek bank\nPolice said two women and one man died at a branch of the Marfin bank which caught fire after hooded youths broke a window and hurled petrol bombs inside .\n",
        "Three die in bank during Greek riots\nThe three bank workers a man and two women died after demonstrators set their bank on fire along the main demonstration route in central Athens .\n",
        "Three dead after fire - bomb hits bank during Greek riots\nA FIRE - BOMB attack on a bank in Athens left at least three people dead as police fought pitched battles with striking protesters furious at brutal spending cuts designed to avoid national bankruptcy .\n",
    ];

    [Fact]
    public void A_report_fitting_two_events_of_one_happening_merges_them_so_that_the_order_of_the_articles_makes_the_same_event()
    {
        // Taken first, the third article's deaths and the first's are two events that nothing joins;
        // the second article's report fits both (the deaths in the bank on fire, in Athens) and makes
        // them one, as taking the first article first does.
        string[] Deaths(params int[] order)
        {
            var events = Merge(order.Select(i => Samples.AnalyseText(BankFire[i], $"{i}.txt")));
            return Assert.Single(events, e => e.Class == "death").Reports.SelectMany(r => r.Mention.Triggers.Select(t =>
                $"{r.Source.Text[..r.Source.Text.IndexOf('\n')]}: {r.Source.Text.Substring(t.Start, t.Length)}")).Order(StringComparer.Ordinal).ToArray();
        }
        var inOrder = Deaths(0, 1, 2);
        Assert.Equal(["Three dead after fire - bomb hits bank during Greek riots: attack", "Three dead after fire - bomb hits bank during Greek riots: dead",
            "Three dead after fire - bomb hits bank during Greek riots: dead", "Three dead after fire - bomb hits bank during Greek riots: fire",
            "Three die in bank during Greek riots: died", "Three die in bank during Greek riots: fire",
            "Three killed as rioters bomb Greek bank: died", "Three killed as rioters bomb Greek bank: fire",
            "Three killed as rioters bomb Greek bank: killed"], inOrder);
        Assert.Equal(inOrder, Deaths(2, 0, 1));
    }

    [Fact]
    public void The_meeting_of_18_April_2016_and_the_visit_of_July_2016_stay_two_events_though_reports_fit_both()
    {
        var april = EventAt(SeedEvents.Value, "d1", 2, "meeting");
        Assert.Equal("2016-04-18", april.Date);
        Assert.DoesNotContain(april.Reports, r => r.DocumentId == "d2");
        Assert.Equal("2016-07-11", EventAt(SeedEvents.Value, "d2", 3, "deployment").Date);
    }

    [Fact]
    public void Of_stored_events_only_the_latest_64_of_each_key_looked_under_can_be_compared_with_a_report()
    {
        // Event 0 is filed under both keys, 1 to 65 under the first only: 65 events newer than 0 and 1 under it.
        IReadOnlySet<string>[] stored = [new HashSet<string> { "attack|e1|?", "attack|e2|?" }, .. Enumerable.Range(1, 65).Select(_ => new HashSet<string> { "attack|e1|?" })];
        Assert.Equal(Enumerable.Range(2, 64), EventMerger.Comparable(stored, new HashSet<string> { "attack|e1|?" }).Order());
        Assert.Equal([0, .. Enumerable.Range(2, 64)], EventMerger.Comparable(stored, new HashSet<string> { "attack|e1|?", "attack|e2|?" }).Order());
        Assert.Empty(EventMerger.Comparable(stored, new HashSet<string> { "attack|e3|?" }));
    }
}
