using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Recognize.Time;
using Dossier.Core.Segment;

namespace Dossier.Core.Tests.Recognize;

/// <summary>The forms the temporal stage reads from the tokens without the recogniser, on
/// sentences of French news articles of known dates, and the windows it leaves to the recogniser.</summary>
public class CommonFormTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    private static List<(string Text, string Type, string? Value)> Timexes(string text, string? published)
    {
        var source = new SourceDocument("t.txt", "t.txt", "text", "0", text, "utf-8", new SourceHints(Published: published));
        var document = Pipeline.Run(source);
        return document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Type, t.Value)).ToList();
    }

    [Fact]
    public void Il_y_a_deux_ans_is_the_year_two_years_before_the_article_or_an_unknown_year()
    {
        const string text = "Engagée dans des associations féministes, Zahra explique avoir arrêté de jeûner il y a deux ans.";
        Assert.Equal([("il y a deux ans", "DATE", "2018")], Timexes(text, "2020-05-19"));
        Assert.Equal([("il y a deux ans", "DATE", "XXXX")], Timexes(text, null));
    }

    [Fact]
    public void A_count_of_units_later_is_a_duration_counted_from_the_story_not_the_article()
    {
        Assert.Equal([("Quelques jours", "DURATION", "PXD"), ("deux ans", "DURATION", "P2Y")],
            Timexes("Quelques jours après les faits, la justice a ouvert une enquête, close deux ans plus tard.", "2019-07-13"));
    }

    [Fact]
    public void A_count_before_derniers_is_the_length_and_without_one_it_is_vague()
    {
        Assert.Equal([("trois derniers jours", "DURATION", "P3D")],
            Timexes("Les contaminations ont considérablement chuté, puisque seules 13 ont été enregistrées ces trois derniers jours, toutes sur des voyageurs entrant en Corée du Sud.", "2020-05-06"));
        Assert.Equal([("dernières années", "DURATION", "PXY")],
            Timexes("Le nombre de loups a fortement augmenté ces dernières années dans les Alpes.", "2020-05-06"));
    }

    [Fact]
    public void This_weekend_is_the_weekend_of_the_article_week()
    {
        Assert.Equal([("ce week-end", "DATE", "2018-W03-WE")], Timexes("Globalement, le temps sera maussade ce week-end.", "2018-01-19"));
    }

    [Fact]
    public void Le_mois_de_janvier_is_the_month_with_its_words()
    {
        Assert.Equal([("mois de janvier", "DATE", "2020-01")],
            Timexes("Il a prévenu Edouard Philippe de la gravité de la situation dès le mois de janvier.", "2020-04-15"));
    }

    [Fact]
    public void Clock_times_and_counts_of_hours_and_seconds()
    {
        Assert.Equal([("23H30", "TIME", "2019-12-06T23:30")],
            Timexes("Le succès fut de courte durée vu que le restaurateur a fermé ses portes à 23H30.", "2019-12-06"));
        Assert.Equal([("jeudi soir", "TIME", "2020-08-27TEV"), ("48 heures", "DURATION", "PT48H")],
            Timexes("Les chiffres ont été publiés jeudi soir par les autorités de santé, soit 32 morts en 48 heures.", "2020-08-27"));
        // "km/h" is a unit of speed, not a time; "3.4" is a decimal count of seconds.
        Assert.Equal([("3.4 secondes", "DURATION", "PT3.4S")],
            Timexes("Son moteur lui permet notamment d'avaler le 0 à 100 km/h en seulement 3.4 secondes.", "2020-07-30"));
    }

    [Fact]
    public void Seasons_decades_and_hyphenated_counts()
    {
        Assert.Equal([("cet été", "DATE", "2016-SU")], Timexes("Les principaux ont rondement bien mené les discussions durant cet été.", "2016-11-22"));
        Assert.Equal([("années 1980", "DATE", "198")],
            Timexes("Par un joli coup du destin, la voix de Minnie a trouvé son Mickey réel dans les années 1980 en la personne de Wayne Allwine.", "2019-07-28"));
        Assert.Equal([("dix-huit mois", "DURATION", "P18M")],
            Timexes("Quelque 500 détenus sont suivis pour radicalisation, un chiffre stable depuis dix-huit mois.", "2019-07-31"));
    }

    [Fact]
    public void Words_that_look_like_times_but_are_not()
    {
        // "sept" is seven here, "Covid-19" a name, "90/100" a pair of speeds.
        Assert.Empty(Timexes("Les orages ont frappé sept départements du nord-est, selon Météo-France.", "2020-08-13"));
        Assert.Empty(Timexes("Le patient a été hospitalisé pour le Covid-19 après avoir roulé à 90/100 km/h.", "2020-08-13"));
    }

    [Fact]
    public void Every_such_weekday_is_a_set_and_a_season_as_an_adjective_is_no_time()
    {
        Assert.Equal([("tous les jeudis", "SET", "XXXX-WXX-4")], Timexes("Les inscriptions auront lieu ensuite tous les jeudis.", "1999-09-05"));
        Assert.Empty(Timexes("L'exécutif souhaite favoriser la France pour les vacances d'été.", "2020-05-20"));
        Assert.Empty(Timexes("Le président devait ouvrir les 19es Jeux Olympiques d'hiver.", "2002-02-09"));
    }

    [Fact]
    public void A_count_of_a_unit_written_with_a_capital_is_a_title_not_a_time()
    {
        // A race and a paper; the dates beside them stay.
        Assert.Equal([("1966", "DATE", "1966")],
            Timexes("Une aventure qui conduira la marque à l'ovale jusqu'à la plus haute marche du podium aux 24 Heures du Mans en 1966.", "2020-02-10"));
        Assert.Equal([("mardi 31 juillet", "DATE", "2018-07-31")],
            Timexes("Le président de la communauté urbaine d'Arras, Philippe Rapeneau, est décédé mardi 31 juillet, rapporte 20 Minutes.", "2018-08-01"));
    }

    [Fact]
    public void A_range_of_days_goes_to_the_recogniser_and_gives_both_ends()
    {
        Assert.Equal([("11", "DATE", "2020-06-11"), ("15 juin", "DATE", "2020-06-15"), ("janvier 2021", "DATE", "2021-01")],
            Timexes("Le congrès mondial de la nature (UICN), qui devait se dérouler à Marseille du 11 au 15 juin, a lui été décalé à janvier 2021.", "2020-05-29"));
    }

    [Fact]
    public void A_window_is_read_without_the_recogniser_only_when_every_cue_is_part_of_a_form()
    {
        var lexicon = TimeLexicon.For("fr")!;
        Assert.True(Read("Il a été élu le 3 janvier 2015 pour deux ans.", lexicon, out var found));
        Assert.Equal(["3 janvier 2015", "deux ans"], found);
        // "lendemain" is a cue no form reads: the whole window goes to the recogniser.
        Assert.False(Read("Le lendemain, le mardi 3 janvier 2017 donc, la police est intervenue.", lexicon, out found));
        Assert.Empty(found);
    }

    [Fact]
    public void English_counts_ago_and_last_week_from_the_article_date()
    {
        Assert.Equal([("10 days ago", "DATE", "1998-03-12"), ("last week", "DATE", "1998-W11")],
            Timexes("He had a party out pending meetings with British Prime Minister Tony Blair 10 days ago and President Clinton last week.", "1998-03-22"));
        // English writes months with a capital: "march" is a walk.
        Assert.Empty(Timexes("Cuban authorities estimated that 100,000 women participated in the march.", "2000-01-15"));
        var lexicon = TimeLexicon.For("en")!;
        // A day before the month ("the 5th of May") makes a date the recogniser reads whole.
        Assert.False(Read("The ceasefire took effect on the 5th of May.", lexicon, out _));
    }

    [Fact]
    public void A_holiday_is_its_day_and_a_movable_feast_is_counted_from_that_year_s_Easter()
    {
        Assert.Equal([("2004", "DATE", "2004"), ("lundi de Pentecôte", "DATE", "2018-05-21")],
            Timexes("Depuis 2004, le lundi de Pentecôte est une \"journée de solidarité\".", "2018-05-21"));
        Assert.Contains(("Mardi gras", "DATE", "2017-02-28"), Timexes("\"@FrancoisFillon mardi, c'est mieux ! C'est Mardi gras !\", lui a-t-elle suggéré.", "2017-02-27"));
        Assert.Equal([("Cette année", "DATE", "2017"), ("Saint-Valentin", "DATE", "2017-02-14")],
            Timexes("Cette année, la Saint-Valentin a été riche en révélations coquines pour certains.", "2017-02-15"));
        const string ascension = "Les Français continuent à sortir du confinement en ce pont de l'Ascension, marqué par l'entrée en fonctions des conseils municipaux.";
        Assert.Equal([("Ascension", "DATE", "2020-05-21")], Timexes(ascension, "2020-05-23"));
        Assert.Equal([("Ascension", "DATE", "XXXX-XX-XX")], Timexes(ascension, null));
        // Recognizers-Text French specification: a year written after it.
        Assert.Equal([("saint patrick 2020", "DATE", "2020-03-17")], Timexes("Je reviendrai sur saint patrick 2020", "2016-11-07"));
    }

    [Fact]
    public void Names_that_hold_a_holiday_s_word_are_no_date()
    {
        Assert.Empty(Timexes("Le plus grand danger pour le Front national, c'est l'ascension de Laurent Wauquiez, grand favori dans l'élection du président des Républicains.", "2017-09-06"));
        Assert.Empty(Timexes("De quoi remplir la hotte du Père Noël de beaux cadeaux, sans bouger de chez soi !", "2019-11-28"));
    }

    [Fact]
    public void Easter_is_the_computus_day()
    {
        Assert.Equal(new DateOnly(2016, 3, 27), Holiday.Easter(2016));
        Assert.Equal(new DateOnly(2019, 4, 21), Holiday.Easter(2019));
        Assert.Equal(new DateOnly(2038, 4, 25), Holiday.Easter(2038));
        Assert.Equal(new DateOnly(2285, 3, 22), Holiday.Easter(2285));
    }

    [Fact]
    public void An_ordinal_week_of_a_year_is_that_iso_week_and_an_ordinal_day_of_a_month_that_day()
    {
        // Recognizers-Text French specification.
        Assert.Equal([("3e semaine de 2018", "DATE", "2018-W03")], Timexes("Que diriez-vous de la 3e semaine de 2018", "2016-11-07"));
        Assert.Equal([("dernière semaine de 2016", "DATE", "2016-W52")], Timexes("Que diriez-vous de la dernière semaine de 2016", "2016-11-07"));
        Assert.Equal([("première semaine de 2015", "DATE", "2015-W01")], Timexes("Que diriez-vous de la première semaine de 2015", "2016-11-07"));
    }

    private static bool Read(string text, TimeLexicon lexicon, out List<string> found)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), SegmentationRules.For(lexicon.Language), tokens);
        var items = new List<Found>();
        var read = CommonForms.TryRead(text, tokens.ToArray(), new TextSpan(0, text.Length), lexicon, new DateTime(2020, 6, 17), items);
        found = items.Select(f => text.Substring(f.Span.Start, f.Span.Length)).ToList();
        return read;
    }
    [Fact]
    public void A_date_of_day_month_and_year_set_apart_by_one_separator_is_read_whole()
    {
        // Sentences of the Recognizers-Text French cases (reference day 2016-11-07).
        Assert.Equal([("02 04 2009", "DATE", "2009-04-02")], Timexes("Je retournerai 02 04 2009 à la maison.", "2016-11-07"));
        Assert.Equal([("01/août/2019", "DATE", "2019-08-01")], Timexes("Que diriez-vous de 01/août/2019", "2016-11-07"));
        Assert.Equal([("2/4/2009", "DATE", "2009-04-02")], Timexes("Je retournerai 2/4/2009 à la maison.", "2016-11-07"));
        // Numbers set apart by spaces without a year, or among other numbers, are no date.
        Assert.Equal([("hier", "DATE", "2016-11-06")], Timexes("Il a appelé le 01 23 45 67 89 hier.", "2016-11-07"));
    }

    [Fact]
    public void A_count_of_hours_is_a_clock_time_only_after_a_phrase_that_gives_one()
    {
        // "dans la nuit de samedi à dimanche" is the night of that Saturday, not of the article's day.
        Assert.Equal([("sept heures", "DURATION", "PT7H"), ("dans la nuit", "TIME", "2020-05-02TNI"), ("samedi", "DATE", "2020-05-02"), ("dimanche", "DATE", "2020-05-03")],
            Timexes("A Chicago, 21 des victimes du week-end ont été atteintes par balle sur une période de sept heures, dans la nuit de samedi à dimanche, dont cinq adolescents blessés par des coups de feu tirés d'une voiture alors qu'ils étaient à une fête dans l'ouest de la ville.", "2020-05-08"));
        Assert.Equal([("chaque seconde", "SET", "PT1S"), ("une heure", "DURATION", "PT1H")],
            Timexes("\"Il n'y avait que le hurlement du vent et les bruits de vitres brisées\", a-t-il décrit, \"chaque seconde semblait durer une heure\".", "2020-05-21"));
        Assert.Equal([("22 heures", "TIME", "2020-09-25T22:00")],
            Timexes("Onze autre métropoles, dont Paris, ont été placées en \"zone d'alerte renforcée\", avec une fermeture des bars à partir de 22 heures.", "2020-09-25"));
        Assert.Equal([("lundi", "DATE", "2018-05-21"), ("13 heures", "TIME", "2018-05-21T13:00")],
            Timexes("Le maire de Moussoulens, commune de 1 000 habitants, avait quitté son domicile à pied, lundi aux alentours de 13 heures, en laissant derrière lui son téléphone et ses moyens de paiement, précise L'Indépendant.", "2018-05-23"));
        Assert.Equal([("18 heures", "TIME", "2018-11-13T18:00")],
            Timexes("L'incendie était maîtrisé peu avant 18 heures, rapporte sur Twitter, une journaliste de franceinfo.", "2018-11-13"));
    }

    [Fact]
    public void A_count_of_tens_and_units_joined_by_et_is_one_number()
    {
        Assert.Equal([("vingt et une minutes", "DURATION", "PT21M")],
            Timexes("Lors d'une allocution solennelle de vingt et une minutes, Emmanuel Macron a annoncé un arsenal de mesures d'une radicalité inédite, afin de lutter contre la pandémie du coronavirus.", "2020-03-17"));
        Assert.Equal([("vingt et un heures", "TIME", "2016-11-07T21:00")], Timexes("la réunion commence à vingt et un heures", "2016-11-07"));
    }
    [Fact]
    public void The_minutes_written_after_an_hour_word_belong_to_the_length_or_the_clock_time()
    {
        Assert.Equal([("quatorze heures trente", "DURATION", "PT14H30M"), ("samedi 23 février", "DATE", "2019-02-23"), ("une heure", "DURATION", "PT1H"), ("l'an dernier", "DATE", "2018")],
            Timexes("Durant près de quatorze heures trente de visite au Salon de l'Agriculture samedi 23 février, soit plus d'une heure de plus que l'an dernier.", "2019-02-24"));
        Assert.Equal([("deux heures vingt", "DURATION", "PT2H20M")],
            Timexes("Cela a conduit à un retard global de prise en charge de près de deux heures vingt.", "2020-06-10"));
        Assert.Equal([("dans l'après-midi", "TIME", "2020-08-01TAF"), ("vers 16 heures 30", "TIME", "2020-08-01T16:30")],
            Timexes("L'incendie s'est déclaré dans l'après-midi, vers 16 heures 30, à Courbessac une ville limitrophe de Nîmes.", "2020-08-01"));
        Assert.Equal([("2 heures 30 du matin", "TIME", "2021-01-01T02:30")],
            Timexes("Elle l'a aperçu aux alentours de 2 heures 30 du matin, en bas de chez elle.", "2021-01-01"));
    }
    [Fact]
    public void A_month_written_short_with_its_period_keeps_its_year()
    {
        Assert.Equal([("dec. 2018", "DATE", "2018-12")], Timexes("Quel est votre plan pour dec. 2018", "2018-06-01"));
    }
}
