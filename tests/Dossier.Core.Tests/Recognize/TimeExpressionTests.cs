using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Recognize.Time;
using Dossier.Core.Recognize.Time.Evaluation;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Recognize;

/// <summary>The temporal stage on real news sentences, each in an article of a known date (or none).</summary>
public class TimeExpressionTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    /// <summary>The expressions of <paramref name="text"/> as (text, type, value, mod), the article dated <paramref name="published"/>.</summary>
    private static List<(string Text, string Type, string? Value, string? Mod)> Timexes(string text, string? published)
    {
        var source = new SourceDocument("t.txt", "t.txt", "text", "0", text, "utf-8", new SourceHints(Published: published));
        var document = Pipeline.Run(source);
        return document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Type, t.Value, t.Mod)).ToList();
    }

    private static string? ValueOf(string text, string? published, string expression) =>
        Timexes(text, published).Single(t => t.Text == expression).Value;

    [Fact]
    public void Weekday_in_a_past_tense_sentence_is_the_latest_such_day_before_the_article()
    {
        const string text = "Le secrétaire américain à la Défense, Ashton Carter, s'est entretenu lundi avec les dirigeants irakiens au sujet de la campagne militaire contre le groupe État islamique.";
        Assert.Equal("2016-04-18", ValueOf(text, "2016-04-19", "lundi"));
        // Published on the Monday itself: the same day, not a week before.
        Assert.Equal("2016-07-11", ValueOf(text, "2016-07-11", "lundi"));
    }

    [Fact]
    public void Sunday_is_never_in_the_future_of_a_past_tense_article()
    {
        const string text = "La déclaration du JOC contredit l'annonce faite par M. Esper dimanche selon laquelle quelque 1 000 soldats américains seraient repositionnés dans l'ouest de l'Irak.";
        Assert.Equal("2019-10-20", ValueOf(text, "2019-10-24", "dimanche"));
        Assert.Equal("2019-10-20", ValueOf(text, "2019-10-20", "dimanche"));
        Assert.Equal("2019-10-13", ValueOf(text, "2019-10-19", "dimanche"));
    }

    [Fact]
    public void Weekday_with_a_future_verb_is_the_next_such_day()
    {
        Assert.Equal("2019-10-29", ValueOf("Le ministre se rendra mardi à Bagdad pour rencontrer son homologue.", "2019-10-24", "mardi"));
    }

    [Fact]
    public void Weekday_of_what_is_planned_is_ahead_and_the_morning_told_in_the_past_stays_on_the_article_day()
    {
        // Published on Wednesday 24 June 2020: the meeting is Thursday 25; the morning protest was on the 24th.
        const string text = "Une nouvelle assemblée générale est prévue jeudi après-midi. Environ 200 personnes ont manifesté dans la matinée devant le siège parisien d'Altice, la maison-mère du groupe.";
        Assert.Equal([("jeudi après-midi", "TIME", "2020-06-25TAF", null), ("dans la matinée", "TIME", "2020-06-24TMO", null)], Timexes(text, "2020-06-24"));
    }

    [Fact]
    public void What_a_count_runs_since_is_past_whatever_the_tense_or_the_nearest_year()
    {
        Assert.Equal([("fin décembre", "DATE", "2019-12", "END"), ("samedi", "DATE", "2020-09-26", null)],
            Timexes("Au total dans le monde, on a recensé 993.438 morts depuis fin décembre, selon un bilan établi par l'AFP samedi.", "2020-09-27"));
        Assert.Equal("2020-01", ValueOf("A la tête du gouvernement depuis janvier, M. Diab a fait cette annonce dans un discours à la nation six jours après l'explosion qui a dévasté le port de la capitale libanaise et une partie de la ville.", "2020-08-10", "janvier"));
        // A future verb does not move what the count runs since; the deadline after it stays ahead.
        const string test = "\"L'ensemble du personnel ayant été sur site depuis le 28 mai sera convié pour réaliser un test dès le 11 juin\", a indiqué pour sa part l'ARS.";
        Assert.Equal("2020-05-28", ValueOf(test, "2020-06-10", "28 mai"));
        Assert.Equal("2020-06-11", ValueOf(test, "2020-06-10", "11 juin"));
    }

    [Fact]
    public void Capitalised_month_name_inside_a_French_sentence_is_a_name()
    {
        // The planet: "sur Mars", "Terre-Mars"; "En Avril" is a writer's capital on a month.
        Assert.DoesNotContain(Timexes("Les Etats-Unis, qui ont déjà envoyé quatre véhicules exploratoires sur Mars, doivent lancer entre juin et août leur cinquième (nommé \"Perseverance\").", "2020-05-25"),
            t => t.Text.Contains("Mars", StringComparison.Ordinal));
        Assert.Equal([("sept mois", "DURATION", "P7M", null), ("2021", "DATE", "2021", null)],
            Timexes("Il faudrait sept mois pour parcourir la distance Terre-Mars et la sonde chinoise n'arrivera pas à destination avant 2021.", "2020-05-25"));
        Assert.Equal("2018-05-01", ValueOf("C'est une vidéo qui a beaucoup circulé après les manifestations du 1er Mai.", "2018-07-18", "1er Mai"));
        Assert.Equal("2020-04", ValueOf("En Avril, l'autoritaire président Ilham Aliyev a signé un décret sur l'utilisation \"rationnelle\" de l'eau de ce pays riche en pétrole.", "2020-08-10", "Avril"));
    }

    [Fact]
    public void Day_after_an_undated_happening_is_unknown_not_the_day_after_the_article()
    {
        const string text = "Le ministre de la Ville Julien Denormandie annonce dimanche dans le Parisien de nouveaux \"testings\" dans les entreprises afin de déceler des discriminations, au lendemain de manifestations contre les violences policières et le racisme à travers la France.";
        Assert.Equal([("dimanche", "DATE", "2020-06-14", null), ("lendemain", "DATE", "XXXX-XX-XX", null)], Timexes(text, "2020-06-14"));
    }

    [Fact]
    public void Part_of_a_named_day_is_of_that_day()
    {
        // Published on Friday 2 December 2016: Thursday evening, not the article's.
        const string text = "Cette hypothèse d'une démission du poste du Premier ministre a été rapidement avancée dans la soirée de jeudi par l'Obs, qui affirme que Bernard Cazeneuve est pressenti pour lui succéder à Matignon.";
        Assert.Equal([("dans la soirée", "TIME", "2016-12-01TEV", null), ("jeudi", "DATE", "2016-12-01", null)], Timexes(text, "2016-12-02"));
    }

    [Fact]
    public void End_of_December_in_a_January_article_is_last_December_with_mod_end()
    {
        const string text = "Tirant les leçons de la prise de Ramadi par les forces irakiennes fin décembre, les militaires américains proposent de renforcer leur soutien logistique.";
        Assert.Equal([("fin décembre", "DATE", "2015-12", "END")], Timexes(text, "2016-01-15"));
        Assert.Equal([("fin décembre", "DATE", "XXXX-12", "END")], Timexes(text, null));
    }

    [Fact]
    public void Mid_year_keeps_its_year_with_mod_mid()
    {
        const string text = "Mossoul est la deuxième ville irakienne aux mains des islamistes radicaux depuis la mi-2014, a expliqué de son côté le général Dunford.";
        Assert.Equal([("la mi-2014", "DATE", "2014", "MID")], Timexes(text, "2016-02-29"));
    }

    [Fact]
    public void Since_June_2014_is_June_2014_without_the_preposition()
    {
        const string text = "La situation de sécurité dans le pays s'est spectaculairement dégradée depuis juin 2014, quand des affrontements violents ont éclaté.";
        Assert.Equal([("juin 2014", "DATE", "2014-06", null)], Timexes(text, "2016-04-19"));
    }

    [Fact]
    public void Day_and_month_take_the_article_year_or_stay_yearless()
    {
        const string text = "Les relations avec l'Irak ont été rompues après que les États-Unis ont lancé une frappe de drone près de l'aéroport international de Bagdad le 3 janvier, qui a tué le général iranien Qassem Soleimani.";
        Assert.Equal("2020-01-03", ValueOf(text, "2020-01-15", "3 janvier"));
        Assert.Equal("XXXX-01-03", ValueOf(text, null, "3 janvier"));
    }

    [Fact]
    public void Numeric_day_and_month_in_the_text()
    {
        Assert.Equal("2016-04-19", ValueOf("Le sommet aura lieu le 19/04 à Paris, a annoncé la présidence.", "2016-04-10", "19/04"));
    }

    [Fact]
    public void Abbreviated_month_with_a_clock_time()
    {
        Assert.Equal([("11 juil. 2016, 18:56", "TIME", "2016-07-11T18:56", null)],
            Timexes("La dépêche est datée du 11 juil. 2016, 18:56 à Bagdad.", "2016-07-12"));
    }

    [Fact]
    public void Two_digit_years_with_month_abbreviations_and_dots()
    {
        var found = Timexes("Les deux rapports, publiés le 19-Nov-12 et le 27.03.15, concluent à l'absence de preuves.", "2016-01-01");
        Assert.Equal(["2012-11-19", "2015-03-27"], found.Select(t => t.Value));
        Assert.Equal(["19-Nov-12", "27.03.15"], found.Select(t => t.Text));
    }

    [Fact]
    public void A_list_of_weekdays_with_day_numbers_takes_the_month_written_last()
    {
        var found = Timexes("Les négociations se sont tenues lundi 20, mardi 21 et mercredi 22 avril à Genève.", "2015-04-23");
        Assert.Equal(["2015-04-20", "2015-04-21", "2015-04-22"], found.Select(t => t.Value));
        Assert.Equal(["lundi 20", "mardi 21", "mercredi 22 avril"], found.Select(t => t.Text));
    }

    [Fact]
    public void Yesterday_is_the_day_before_the_article_or_unknown()
    {
        const string text = "Un chauffeur de bus a été agressé hier à la sortie du dépôt.";
        Assert.Equal("1999-05-18", ValueOf(text, "1999-05-19", "hier"));
        Assert.Equal("XXXX-XX-XX", ValueOf(text, null, "hier"));
    }

    [Fact]
    public void Last_week_is_a_week_of_the_article_or_an_unknown_week()
    {
        const string text = "Des missiles iraniens ont frappé la base aérienne d'Al-Asad la semaine dernière et ont touché une autre base.";
        Assert.Equal("2020-W02", ValueOf(text, "2020-01-15", "la semaine dernière"));
        Assert.Equal("XXXX-WXX", ValueOf(text, null, "la semaine dernière"));
    }

    [Fact]
    public void Ages_are_not_durations()
    {
        Assert.Empty(Timexes("Alain Parmentier, 53 ans, employé de la société, a été blessé.", "1999-06-12"));
        Assert.Equal([("dix ans", "DURATION", "P10Y", null)], Timexes("Il a dirigé l'entreprise pendant dix ans.", "1999-06-12"));
    }

    [Fact]
    public void Two_days_after_an_event_that_the_story_comes_after()
    {
        var document = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        var line16 = document.Lines[15].Span;
        var after = document.Timexes.Single(t => line16.Contains(t.Span.Start) && document.Text.Substring(t.Span.Start, t.Span.Length).StartsWith("deux jours", StringComparison.Ordinal));
        Assert.Equal("2016-07-09", after.Value);
    }

    [Fact]
    public void An_article_without_a_date_anchors_nothing()
    {
        var document = Samples.Analyse("004_49e0df675a038899.txt");
        Assert.Null(document.Metadata.Published);
        var found = document.Timexes.Select(t => (document.LineAt(t.Span.Start).Number, document.Text.Substring(t.Span.Start, t.Span.Length), t.Value)).ToList();
        Assert.Equal(
        [
            (6, "mercredi", "XXXX-WXX-3"),
            (10, "3 janvier", "XXXX-01-03"),
            (16, "la semaine dernière", "XXXX-WXX"),
            (22, "la semaine dernière", "XXXX-WXX"),
            (24, "fin décembre", "XXXX-12"),
            (26, "Nouvel An", "XXXX-01-01"),
            (28, "2015", "2015"),
        ], found);
    }

    [Fact]
    public void The_year_earlier_quarter_is_the_story_quarter_a_year_before()
    {
        const string text = "Unisys Corp.'s announcement Friday of a $648.2 million loss for the third quarter showed that the company is moving faster than expected. "
            + "Unisys, whose revenue inched up 3.7% in the quarter to $2.35 billion from $2.27 billion in the year-earlier quarter, had an operating loss of about $30 million.";
        Assert.Equal("1988-Q3", ValueOf(text, "1989-10-30", "the year-earlier quarter"));
        // Without a quarter told before, the last quarter ended before the article, a year back.
        Assert.Equal("1988-Q3", ValueOf("Coast earned $10.2 million, or 67 cents a share, in the year-ago quarter.", "1989-11-01", "the year-ago quarter"));
    }

    [Fact]
    public void Last_year_in_a_quarterly_story_is_the_year()
    {
        const string text = "Unisys reported a loss for the third quarter. Last year the company earned $680.6 million.";
        Assert.Equal("1988", ValueOf(text, "1989-10-30", "Last year"));
    }

    [Fact]
    public void A_month_in_a_past_tense_sentence_is_before_the_article_unless_close_ahead()
    {
        Assert.Equal("1989-03", ValueOf("Nashua's stock has fluctuated sharply on takeover speculation, rising to a high of $42.875 a share in June from $29.75 in March.", "1989-10-30", "March"));
        Assert.Equal("1989-03-31", ValueOf("Cilcorp said the businesses to be acquired had revenue of $76 million for the year ended March 31.", "1989-11-01", "March 31"));
    }

    [Fact]
    public void Last_April_is_the_latest_April_before_the_article()
    {
        Assert.Equal("1989-04", ValueOf("Starpointe holders, who approved the plan last April, will receive $21 in cash a share, or a total $63 million.", "1989-10-27", "last April"));
    }

    [Fact]
    public void The_year_ended_a_date_is_a_year_long_duration()
    {
        var found = Timexes("The divested Courtaulds textile operations had operating profit of #50 million on #980 million in revenue in the year ended March 31.", "1989-10-31");
        Assert.Contains(("the year", "DURATION", "P1Y", null), found);
    }

    [Fact]
    public void A_fiscal_year_is_written_as_the_year()
    {
        var found = Timexes("The Rockford, Ill., maker of fasteners also said it expects to post sales in the current fiscal year that are \" slightly above\" fiscal 1989 sales of $155 million.", "1989-11-02");
        Assert.Equal("1989", found.Single(t => t.Text.EndsWith("current fiscal year", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Reference_phrases_of_several_words()
    {
        Assert.Equal("PAST_REF", ValueOf("But tremors are likely in the junk-bond market, which has helped to finance the takeover boom of recent years.", "1989-10-27", "recent years"));
        Assert.Contains(("the future", "DATE", "FUTURE_REF", null), Timexes("The ethnic Albanians here in Kosovo are considerably worried about the future and fear they are witnessing the beginnings of a much wider conflict.", "1998-03-06"));
    }

    [Fact]
    public void A_possessive_weekday_is_the_day_without_its_ending()
    {
        Assert.Contains(("Friday", "DATE", "1989-10-27", null),
            Timexes("Nestle's share of 7% before Friday's purchases is far below the shares of market leaders Hershey and Mars.", "1989-10-30"));
    }

    [Fact]
    public void A_quarter_without_its_year_is_the_latest_one_begun()
    {
        const string text = "Hyundai Heavy Industries, Ltd. said its net income in the fiscal-first quarter ended Sept. 30 fell 17% to $12.7 million, or 14 cents a share, from $15.3 million, or 17 cents a share, a year earlier.";
        var found = Timexes(text, "1989-11-02");
        Assert.Equal("1989-Q1", found.Single(t => t.Text.EndsWith("first quarter", StringComparison.Ordinal)).Value);
        Assert.Equal("1988-Q1", ValueOf(text, "1989-11-02", "a year earlier"));
    }

    [Fact]
    public void The_weekend_told_on_a_weekday_is_the_one_just_past()
    {
        Assert.Equal("1990-W32-WE", ValueOf("Over the weekend, Pentagon officials confirmed reports that a fourth U.S. aircraft carrier was heading for the region.", "1990-08-13", "the weekend"));
    }

    [Fact]
    public void Last_Wednesday_written_on_a_Wednesday_is_a_week_back()
    {
        Assert.Equal("1989-10-25", ValueOf("Orkem and Coates said last Wednesday that the two were considering a merger.", "1989-11-01", "last Wednesday"));
    }

    [Fact]
    public void A_plain_weekday_in_a_future_sentence_written_on_that_day_is_the_day_itself()
    {
        Assert.Equal("2000-04-03", ValueOf("With a tense Miami waiting, federal immigration officials said Monday they will order the Miami relatives of 6-year-old Cuban rafter Elian Gonzalez to turn the boy over to his father.", "2000-04-03", "Monday"));
    }

    [Fact]
    public void The_past_alone_is_a_past_reference_but_not_when_a_time_word_follows()
    {
        Assert.Contains(("the past", "DATE", "PAST_REF", null), Timexes("U.S. commanders in charge of planning for Middle East crises have indicated in the past that they were capable of deploying as many as 300,000 troops.", "1990-08-13"));
        Assert.DoesNotContain(Timexes("The Centennial Journal item recognized the money-fund concept as one of the significant events of the past century.", "1989-10-26"), t => t.Value == "PAST_REF");
    }

    [Fact]
    public void A_plural_unit_alone_after_for_or_within_is_a_length_without_a_number()
    {
        Assert.Contains(("weeks", "DURATION", "PXW", null), Timexes("Some 50,000 more troops are expected to be committed to Desert Shield within weeks, including Marines, Army air assault forces, paratroopers and infantry.", "1990-08-15"));
        Assert.DoesNotContain(Timexes("Turks feel they have special ties to the whole region, which they ruled for hundreds of years during the Ottoman Empire.", "1998-03-08"), t => t.Text == "years");
    }

    [Fact]
    public void Recent_and_coming_weeks_are_lengths_without_a_number()
    {
        Assert.Contains(("recent weeks", "DURATION", "PXW", null), Timexes("But in recent weeks, construction-industry sources reported that early preparation work was slowing at the 185-acre site.", "1989-10-30"));
        Assert.Contains(("coming weeks", "DURATION", "PXW", null), Timexes("That is another small encouragement for the Federal Reserve to lower interest rates in coming weeks, they reasoned.", "1989-10-27"));
    }

    [Fact]
    public void A_participle_after_be_is_no_past_tense()
    {
        Assert.Equal("1998-12", ValueOf("Air Force Lieutenant Colonel Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December.", "1998-03-04", "December"));
    }

    [Fact]
    public void The_summer_is_the_latest_begun_and_summer_alone_any()
    {
        const string text = "But problems in manufacturing, forecasting demand and getting the bugs out of a new management information system made it extremely difficult for Sun to meet demand for its newest computers well into the summer.";
        Assert.Equal("1989-SU", ValueOf(text, "1989-10-26", "the summer"));
        Assert.Equal("1989-SU", ValueOf(text, "1989-07-02", "the summer"));
        Assert.Equal("1988-SU", ValueOf(text, "1989-05-02", "the summer"));
        Assert.Equal("XXXX-SU", ValueOf("Sales of foreign newspapers boom in summer, when the tourists come.", "1999-08-06", "summer"));
    }

    [Fact]
    public void A_decade_without_its_century_is_the_latest_begun()
    {
        Assert.Equal("199", ValueOf("We in fact have seen hate group numbers dropping through the nineties, but this year they jumped up twenty percent.", "1998-03-03", "the nineties"));
    }

    [Fact]
    public void Mid_afternoon_is_the_afternoon_with_mod_mid_not_a_clock_time()
    {
        Assert.Contains(("mid-afternoon yesterday", "TIME", "1989-11-01TAF", "MID"), Timexes("In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.", "1989-11-02"));
    }

    [Fact]
    public void An_ordinal_century_is_a_date_not_a_length()
    {
        Assert.Contains(("20th century", "DATE", "19", null), Timexes("It's no secret that she's indicated to me she is a 20th century democrat.", "1998-02-13"));
    }

    [Fact]
    public void A_year_said_aloud_is_that_year()
    {
        Assert.Contains(("nineteen seventy-nine", "DATE", "1979", null), Timexes("The city could have used some special protection in nineteen seventy-nine when the Soviet Union invaded Afghanistan.", "1998-01-21"));
    }

    [Fact]
    public void A_holiday_on_the_nth_weekday_of_a_month_is_that_day_of_the_right_year()
    {
        Assert.Equal("1999-11-25", ValueOf("The boy clung to an inner tube for two days and was plucked from the Atlantic on Thanksgiving Day and brought ashore.", "2000-01-06", "Thanksgiving Day"));
    }

    [Fact]
    public void A_weekday_after_would_is_the_next_one()
    {
        Assert.Equal("2000-04-06", ValueOf("Gregory Craig announced in Washington that the father would be traveling to the United States Thursday with his wife.", "2000-04-05", "Thursday"));
    }

    [Fact]
    public void A_word_both_tenses_read_is_the_future_s()
    {
        // "scheduled" ends as a past form does, but the future's words name it.
        Assert.Equal("1989-11-06", ValueOf("Sony's planned acquisition of Guber/Peters Entertainment Co. for $200 million is scheduled to close Monday.", "1989-11-02", "Monday"));
    }

    [Fact]
    public void A_length_and_a_half_counts_the_whole_number()
    {
        Assert.Contains(("2 1/2 years", "DURATION", "P2Y6M", null), Timexes("About 2 million Rwanda Hutus lived in refugee camps for 2 1/2 years.", "1998-02-27"));
    }

    [Fact]
    public void A_count_and_a_half_before_the_unit_is_one_length()
    {
        // Recognizers-Text English specification; the recogniser alone reads "a half hour" (PT0.5H).
        Assert.Equal([("one and a half hours", "DURATION", "PT1H30M", null)], Timexes("I suppose one and a half hours are sufficient to finish the task.", "2016-11-07"));
        Assert.Equal([("two and a half years", "DURATION", "P2Y6M", null)], Timexes("He served two and a half years in prison before the appeal.", "2016-11-07"));
    }

    /// <summary>The expressions of an orangesum article as (text, value), in the order of the text.</summary>
    private static List<(string Text, string? Value)> ArticleTimexes(string id)
    {
        var document = Assert.Single(Orangesum.Articles(id)).Document;
        return document.Timexes.Select(t => (document.TextOf(t.Span), t.Value)).ToList();
    }

    [Fact]
    public void A_count_of_days_is_a_length_not_a_day_of_the_month()
    {
        // 35742, 15 August 2020: "a encore enregistré vendredi plus de 60.000 cas et 1.280 morts en une journée".
        // The recogniser read "en une journée" as the 1st of the month.
        var found = ArticleTimexes("35742");
        Assert.Contains(("une journée", "P1D"), found);
        Assert.DoesNotContain(found, t => t.Value == "2020-08-01");
    }

    [Fact]
    public void A_weekday_people_are_called_to_is_the_coming_one()
    {
        // 28415, Friday 23 November 2018: "Samedi, les manifestants sont appelés à se mobiliser dans
        // tout le pays pour l'"acte 2" du mouvement" is the call for the next Saturday, not the last.
        Assert.Contains(("Samedi", "2018-11-24"), ArticleTimexes("28415"));
    }

    [Fact]
    public void A_weekday_from_which_something_starts_is_the_coming_one()
    {
        // 16639, Thursday 12 March 2020: "Tous les enfants à la maison à partir de lundi Le chef de
        // l'État a annoncé la fermeture, à partir de lundi de toutes les crèches et écoles".
        var found = ArticleTimexes("16639").Where(t => t.Text == "lundi").ToList();
        Assert.Equal(2, found.Count);
        Assert.All(found, t => Assert.Equal("2020-03-16", t.Value));
    }

    [Fact]
    public void A_weekday_from_which_something_starts_written_on_that_day_is_the_day_itself()
    {
        // 32544, Thursday 3 September 2020: "les pluies seront intenses et sans répit à partir de jeudi
        // et jusqu'au week-end", "lors de son passage sur le pays à partir de jeudi".
        var found = ArticleTimexes("32544").Where(t => t.Text == "jeudi").ToList();
        Assert.Equal(2, found.Count);
        Assert.All(found, t => Assert.Equal("2020-09-03", t.Value));
    }

    [Theory]
    // AQUAINT APW20000403.0057 (Monday 3 April 2000): the nearest verb, "said", is past, but the earliest
    // a thing can happen is still to come.
    [InlineData("The group would be ready to leave for the United States as soon as Tuesday, Castro said.", "2000-04-03", "Tuesday", "2000-04-04")]
    // AQUAINT NYT20000403.0463.
    [InlineData("Reno set a deadline for the Miami relatives to turn the boy over to his father, who could come to the U.S. from Cuba as early as Tuesday.", "2000-04-03", "Tuesday", "2000-04-04")]
    // AQUAINT APW20000107.0318 (Friday 7 January 2000): "were planning to" tells what comes, not "were".
    [InlineData("Protesters were planning to drive around Miami International Airport on Monday.", "2000-01-07", "Monday", "2000-01-10")]
    public void An_English_weekday_told_as_what_may_come_is_the_coming_one(string text, string published, string weekday, string value)
    {
        Assert.Equal(value, ValueOf(text, published, weekday));
    }

    [Fact]
    public void That_year_is_the_year_of_the_story_just_told()
    {
        // TimeBank wsj_0026 (2 November 1989); AQUAINT APW20000128.0316 (28 January 2000).
        Assert.Equal("1988", ValueOf("Imports of the types of watches that now will be eligible for duty-free treatment totaled about $37.3 million in 1988, a relatively small share of the $1.5 billion in U.S. watch imports that year, according to an aide to U.S. Trade Representative Carla Hills.", "1989-11-02", "that year"));
        Assert.Equal("1998", ValueOf("According to sources quoted by the Miami Herald, Munero had fled to Florida in June 1998 and returned to Cuba later that year, only to be jailed for several months.", "2000-01-28", "that year"));
    }

    [Fact]
    public void Cette_annee_la_is_the_year_of_the_story_just_told_and_a_month_of_it_is_in_that_year()
    {
        // orangesum-5k, articles of 20 December 2016 and 1 September 2020.
        Assert.Equal("1982", ValueOf("En 1982, sur le tournage des \"Gendarmes et les gendarmettes\", la production met un studio à disposition du couple. Mais cette année-là, Jeanne est au courant.", "2016-12-20", "cette année-là"));
        Assert.Equal("2019-01", ValueOf("Il avait été arrêté pour \"terrorisme\" et incarcéré en mars 2019, deux mois après que M. Guaido s'est déclaré président par intérim du Venezuela, en janvier de cette année-là.", "2020-09-01", "janvier de cette année-là"));
    }

    [Fact]
    public void Cette_annee_la_with_no_year_before_it_is_no_known_year_rather_than_the_articles()
    {
        // orangesum-5k, 20 December 2016, without the sentence that gave the year.
        Assert.Equal("XXXX", ValueOf("Mais cette année-là, Jeanne est au courant.", "2016-12-20", "cette année-là"));
    }

    [Theory]
    // orangesum-5k: a weekday with its day number and no month is the nearest such day of that weekday, here
    // a week or more before the article, not the latest weekday of that name (even with a misspelt month).
    [InlineData("Le projet est en danger, a déclaré dimanche 19 nobembre Marine Le Pen lors du Grand Jury de RTL.", "2017-11-28", "dimanche 19", "2017-11-19")]
    [InlineData("Dans une vidéo diffusée sur Twitter vendredi 20, le groupuscule a revendiqué l'action.", "2018-04-27", "vendredi 20", "2018-04-20")]
    // Recognizers-Text French specification: Monday the 21st told on the 15th is the coming one, not the last Monday.
    [InlineData("Avez-vous un arrangement le lundi 21 ?", "2019-01-15", "lundi 21", "2019-01-21")]
    public void A_weekday_with_a_day_number_and_no_month_is_the_nearest_day_of_that_number_and_weekday(string text, string published, string expression, string value)
    {
        Assert.Equal(value, ValueOf(text, published, expression));
    }

    [Fact]
    public void A_day_linked_to_its_year_is_one_date_of_that_year()
    {
        // Recognizers-Text French specification: "de" links a date to its year (fr/date-links.txt). Too short
        // for the language to be told, the sentence is read as French as the specification runs do.
        const string text = "Je suis né le 23 novembre de 1987";
        var document = TimexEvaluator.Prepare(new TimeMlDocument("spec", text, "2016-11-07", []));
        document.Language = "fr";
        var found = new TimeExpressionRecognizer().Recognize(document, TimeLexicon.For("fr")!, ArticleDate.Parse("2016-11-07"));
        Assert.Equal([("23 novembre de 1987", "1987-11-23")], found.Select(t => (text.Substring(t.Span.Start, t.Span.Length), t.Value)));
    }

    [Fact]
    public void A_written_date_keeps_the_clock_time_read_with_it()
    {
        // Recognizers-Text English specification, told the day before.
        Assert.Equal([("tomorrow, 13/04/21, at 7 PM", "TIME", "2021-04-13T19:00", null)],
            Timexes("Tune in tomorrow, 13/04/21, at 7 PM CET for episode 3 of Decentralized", "2021-04-12"));
    }

    [Fact]
    public void An_adverb_of_frequency_is_a_set()
    {
        // orangesum-5k.
        Assert.Equal([("quotidiennement", "SET", "P1D", null)],
            Timexes("Le site de Leipzig qui produit le Macan devrait monter en puissance progressivement pour assembler quotidiennement quelque 420 exemplaires.", "2020-08-01"));
    }
    [Fact]
    public void Next_to_is_a_place_and_tells_no_future()
    {
        // AQUAINT XIE19980809.0010 (Saturday 8 August 1998): the blasts were the day before, not six days ahead.
        Assert.Equal("1998-08-07", ValueOf("More than 100 people have been killed and more than 1,000 others wounded in the blasts next to the U.S. embassies in Kenya and Tanzania on Friday.", "1998-08-08", "Friday"));
    }

    [Fact]
    public void Midday_is_noon_of_the_day()
    {
        // AQUAINT APW19991008.0151 (8 October 1999).
        Assert.Equal([("midday", "TIME", "1999-10-08T12:00", null), ("today", "DATE", "1999-10-08", null)],
            Timexes("The suspect was scheduled to appear before a U.S. magistrate judge in Manhattan at midday, according to a statement today by U.S. Attorney Mary Jo White.", "1999-10-08"));
    }
    [Fact]
    public void A_month_name_before_a_capitalised_word_is_a_first_name_unless_a_time_phrase_holds_it()
    {
        // AQUAINT APW19990312.0251 (12 March 1999): "Jan Kavan" is the Czech foreign minister.
        Assert.Empty(Timexes("Bronislaw Geremek of Poland, Janos Martonyi of Hungary and Jan Kavan of the Czech Republic signed formal documents.", "1999-03-12"));
        Assert.Equal("1999-05", ValueOf("In May Congress passed the bill.", "1999-03-12", "May"));
    }
    [Fact]
    public void Hours_later_are_a_length_not_a_clock_time_counted_from_midnight()
    {
        // AQUAINT NYT19981025.0216 (25 October 1998): the article gives no time of day to count from.
        Assert.Equal([("an hour later", "DURATION", "PT1H", null)],
            Timexes("Just over an hour later, he was declared dead at nearby Millard Fillmore Suburban Hospital.", "1998-10-25"));
        Assert.Equal("PT30M", ValueOf("The second blast came 30 minutes earlier.", "1998-10-25", "30 minutes earlier"));
    }
    [Fact]
    public void A_year_outside_1900_to_2099_after_a_head_word_is_a_year_and_a_count_of_things_is_not()
    {
        // AQUAINT APW20000128.0316 (28 January 2000).
        Assert.Equal([("1898", "DATE", "1898", null), ("this year", "DATE", "2000", null)],
            Timexes("The commemorations honoured Marti, the revolutionary and poet who fought for Cuba's independence from Spain in 1898. But this year, children wore T-shirts bearing Elian's portrait.", "2000-01-28"));
        Assert.Empty(Timexes("The agency reviewed the files in 1500 cases.", "2000-01-28"));
    }

    [Fact]
    public void A_participle_after_a_date_is_no_part_of_it()
    {
        // Recognizers-Text French specification case: "été" after "a" is the participle, not the summer.
        Assert.Equal(("1er janvier 2012", "DATE", "2012-01-01", (string?)null),
            Timexes("Le 1er janvier 2012 a été un jour spécial pour moi", "2016-11-07")[0]);
    }

    [Fact]
    public void The_following_or_previous_unit_counts_from_the_story_year_else_from_the_article()
    {
        const string text = "En 2012, la société a fermé son usine de Lyon. L'année suivante, elle en a ouvert deux à Marseille.";
        Assert.Equal("2013", ValueOf(text, "2016-05-10", "L'année suivante"));
        // Recognizers-Text French specification cases, told with no date before.
        Assert.Equal("2016-W44", ValueOf("Il a passé un test plus tôt la semaine précédente", "2016-11-07", "la semaine précédente"));
        Assert.Equal("2016-W46", ValueOf("Montrez les ventes dans la semaine suivante", "2016-11-07", "la semaine suivante"));
    }

    [Fact]
    public void Hours_of_the_afternoon_and_hours_with_an_approximation_are_clock_times()
    {
        // Recognizers-Text French specification cases.
        Assert.Equal("2016-11-01T14:00", ValueOf("C'est arrivé le mardi précédent à 2 heures de l'après-midi", "2016-11-07", "2 heures de l'après-midi"));
        // A longer sentence of the same form, since so short a one has no language found.
        Assert.Equal(("environ 13 heures", "TIME", "2016-11-07T13:00", "APPROX"),
            Timexes("Je me sens mal à environ 13 heures, a-t-elle dit aux médecins de l'hôpital de la ville.", "2016-11-07").Single());
        Assert.Equal("2016-11-07T08:00", ValueOf("cette semaine, 8h du matin devrait être une date et une heure.", "2016-11-07", "8h du matin"));
    }

    [Fact]
    public void Next_month_after_of_the_is_the_month_after_the_article()
    {
        // The recogniser gave "du mois prochain" the article's own month.
        Assert.Equal([("à la fin du mois prochain", "DATE", "2016-12", "END")],
            Timexes("Les élections auront lieu à la fin du mois prochain, a annoncé le gouvernement.", "2016-11-07"));
    }
}
