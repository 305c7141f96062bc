using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Recognize;

/// <summary>Time in scraped news: modality that puts a weekday in the future, fractions of units,
/// days that do not exist, and live blogs whose entries each anchor their own times.</summary>
public class ScrapedTimeTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    private static List<(string Text, string Type, string? Value)> Timexes(string text, string? published)
    {
        var document = Pipeline.Run(new SourceDocument("t.txt", "t.txt", "text", "0", text, "utf-8", new SourceHints(Published: published)));
        return document.Timexes.Select(t => (document.Text.Substring(t.Span.Start, t.Span.Length), t.Type, t.Value)).ToList();
    }

    [Fact]
    public void A_weekday_of_something_still_to_appear_is_ahead()
    {
        // Saturday 26 February 2011.
        Assert.Contains(("dimanche", "DATE", "2011-02-27"),
            Timexes("Dans un entretien à paraître dimanche dans le Journal du dimanche, le ministre évoque la Libye.", "2011-02-26"));
    }

    [Fact]
    public void A_deadline_weekday_is_ahead()
    {
        // Thursday 20 October 2016.
        Assert.Contains(("vendredi", "DATE", "2016-10-21"),
            Timexes("Les candidats doivent déposer leur dossier au plus tard vendredi auprès de la commission.", "2016-10-20"));
    }

    [Fact]
    public void A_weekday_said_next_is_ahead()
    {
        // Thursday 24 October 2019.
        var found = Timexes("Les dirigeants européens se retrouveront mardi prochain à Bruxelles pour discuter du budget de l'Union, a annoncé jeudi la présidence finlandaise.", "2019-10-24");
        Assert.Equal([("mardi prochain", "DATE", "2019-10-29"), ("jeudi", "DATE", "2019-10-24")], found);
    }

    [Fact]
    public void An_hour_and_a_half_is_ninety_minutes()
    {
        Assert.Contains(("une heure et demie", "DURATION", "PT1H30M"),
            Timexes("La réunion a duré une heure et demie au ministère de la Défense.", "2016-04-19"));
    }

    [Fact]
    public void A_day_that_does_not_exist_does_not_stop_the_stage()
    {
        // A Recognizers-Text specification case: the 30th of February.
        var found = Timexes("C'est absurde comme de dire que nous devrions nous rencontrer le 30 février 2019 à 17h20 !", "2016-11-07");
        Assert.NotEmpty(found);
    }

    [Fact]
    public void Figures_read_as_a_month_that_does_not_exist_do_not_stop_the_stage()
    {
        // A paragraph of a saved page of html-maintext-dev (wochenblatt.com), published 21 January 2022.
        var found = Timexes("Simon Marx, Vorsitzender des Jungen Bioland, unterstrich die hohe Notwendigkeit einer Existenzgründungsprämie. „Im Jahr 2020 war auf über 8000 Betrieben in NRW die Betriebsnachfolge nicht geklärt.“", "2022-01-21");
        Assert.Equal([("Jahr 2020", "DATE", "2020")], found);
    }

    /// <summary>A live blog as French news sites write one: day lines, then entries opening with
    /// their time, updated two days later.</summary>
    private const string LiveBlog = """
        Attentat de Nice : les dernières informations en direct
        Mis à jour le samedi 16 juillet 2016 à 10h02
        Jeudi 14 juillet 2016
        22h45 : Un camion a foncé sur la foule rassemblée sur la promenade des Anglais à Nice après le feu d'artifice.
        23h30 : François Hollande se rendra vendredi à Nice, annonce l'Élysée dans un communiqué publié dans la nuit.
        Vendredi 15 juillet 2016
        8h10 : Le gouvernement rappelle que l'état d'urgence avait été décrété après les attentats du 13 novembre 2015.
        12h11 : Le procureur de Paris indique que les victimes ont été tuées jeudi soir sur la promenade des Anglais.
        """;

    [Fact]
    public void Each_live_blog_entry_anchors_its_times_on_its_own_day()
    {
        var timexes = Timexes(LiveBlog, null);

        Assert.Contains(("22h45", "TIME", "2016-07-14T22:45"), timexes);
        Assert.Contains(("8h10", "TIME", "2016-07-15T08:10"), timexes);
        // Not 13 November 2015, the day the entry before went on to.
        Assert.Contains(("12h11", "TIME", "2016-07-15T12:11"), timexes);
    }

    [Fact]
    public void A_weekday_in_a_live_blog_entry_counts_from_the_entrys_day()
    {
        var timexes = Timexes(LiveBlog, null);

        // Written on Thursday the 14th: the next day, not the Friday after the update of Saturday the 16th.
        Assert.Contains(("vendredi", "DATE", "2016-07-15"), timexes);
        Assert.Contains(("jeudi soir", "TIME", "2016-07-14TEV"), timexes);
    }

    /// <summary>The live blog of the issue: a day heading without its year over an entry, in a blog
    /// published on Friday 20 November 2015.</summary>
    private const string HeadedEntry = """
        Attentats de Paris : les dernières informations
        Lundi 16 novembre
        12h11 : Le parquet de Paris annonce que les deux femmes ont été tuées mardi à leur domicile.
        9h30 : Une minute de silence sera observée à midi dans toute la France.
        9h05 : Le président de la République s'exprimera devant le Congrès à Versailles.
        """;

    [Fact]
    public void A_day_heading_without_its_year_dates_the_entries_under_it()
    {
        var timexes = Timexes(HeadedEntry, "2015-11-20");

        Assert.Contains(("12h11", "TIME", "2015-11-16T12:11"), timexes);
        // The Tuesday before the entry's Monday, not before the article's Friday.
        Assert.Contains(("mardi", "DATE", "2015-11-10"), timexes);
        Assert.Contains(("9h30", "TIME", "2015-11-16T09:30"), timexes);
    }

    /// <summary>corkbeo.ie's live blog of 6 October 2020 (html-dev; shortened): each entry's time is
    /// glued to its author's name, the latest entry first, all of one day.</summary>
    private const string EnglishBlog = """
        Level 3 LIVE from Cork as Ireland adapts to incoming coronavirus restrictions
        By
        Gavin O'Callaghan
        Updated21:22, 6 OCT 2020
        Tonight at midnight Cork will be moved into Level 3 and some harsher restrictions will come into place.
        21:22Frances Watkins
        We are logging off for the night but we will be back from 7am with all your latest news.
        17:32Frances Watkins
        CUH will not be allowing visitors from tomorrow
        Cork University Hospital have announced that they will not be allowing visitors from tomorrow until further notice.
        14:43Gavin O'Callaghan
        Leonardo's Kimbo Cafe in Cobh will be staying open with some outdoor dining.
        """;

    [Fact]
    public void A_live_blog_of_one_day_anchors_its_entries_on_the_articles_day()
    {
        var timexes = Timexes(EnglishBlog, null);

        Assert.Contains(("tomorrow", "DATE", "2020-10-07"), timexes);
        Assert.Contains(("7am", "TIME", "2020-10-06T07:00"), timexes);
    }

    /// <summary>The corkbeo.ie blog again, as a blog of two days that prints a heading over each
    /// day, the latest first, updated on Wednesday 7 October (its lines, moved under day headings).</summary>
    private const string TwoDayBlog = """
        Level 3 LIVE from Cork as Ireland adapts to incoming coronavirus restrictions
        The country avoided Level 5 last night, but NPHET have warned it may be down the line
        By
        Gavin O'Callaghan
        Updated 09:05, 7 OCT 2020
        Tonight at midnight Cork will be moved into Level 3 and some harsher restrictions will come into place.
        The new rules will trigger a lot of changes and some businesses (mainly pubs and restaurants) will be shutting or changing the way they serve.
        We'll bring you all of today's updates both locally and nationally in our live blog below.
        Wednesday, October 7
        09:05Gavin O'Callaghan
        CUH will not be allowing visitors from tomorrow
        Cork University Hospital have announced that they will not be allowing visitors from tomorrow until further notice.
        The decision was made in line with the government's Covid-19 guidelines.
        08:44Gavin O'Callaghan
        Leonardo's Kimbo Cafe in Cobh will be staying open with some outdoor dining. They're also doing a full takeaway menu.
        Tuesday, October 6
        21:22Frances Watkins
        We are logging off for the night but we will be back from 7am with all your latest news.
        Thanks for following our live blog throughout the day.
        17:32Frances Watkins
        The hospital did say on Monday however that limited visiting by arrangement would be allowed in cases of end of life care.
        """;

    [Fact]
    public void Each_day_of_a_blog_written_latest_first_anchors_the_entries_under_it()
    {
        var timexes = Timexes(TwoDayBlog, null);

        Assert.Contains(("tomorrow", "DATE", "2020-10-08"), timexes);
        Assert.Contains(("7am", "TIME", "2020-10-06T07:00"), timexes);
        Assert.Contains(("Monday", "DATE", "2020-10-05"), timexes);
    }

    [Fact]
    public void Bare_times_of_a_blog_past_midnight_without_day_headings_are_left_undated()
    {
        // The stamps turn back at midnight: the blog is of two days and names neither.
        var timexes = Timexes("""
            Élections : la soirée en direct
            0h40 : Les premiers résultats définitifs tombent dans la nuit.
            23h50 : Le candidat s'exprimera mardi devant ses partisans.
            22h10 : Les bureaux de vote ont fermé à 20 heures.
            """, "2017-05-08");

        Assert.Contains(("0h40", "TIME", "XXXX-XX-XXT00:40"), timexes);
        Assert.Contains(("mardi", "DATE", "XXXX-WXX-2"), timexes);
    }

    [Fact]
    public void Entries_glued_into_one_paragraph_anchor_on_the_day_of_a_blog_of_one_evening()
    {
        // OrangeSum 23639, 15 October 2017: the live report of an evening interview, its stamps in one paragraph.
        var timexes = Timexes("""
            Je ne suis pas là pour gérer ou réformer, je suis là pour transformer.".21h12 : Place aux questions internationales. Interrogé sur ses rapports avec Donald Trump, Emmanuel Macron reconnait des "désaccords".21h09 : Concernant les personnes en situation irrégulière "commettant un acte délictueux", le chef de l'État affirme qu'elles seront expulsées, et annonce des mesures sévères dans "les prochains jours". 21h07 : Interrogé ensuite sur la PMA, Emmanuel Macron annonce un débat sur le sujet en 2018.
            """, "2017-10-15");

        Assert.Contains(("21h12", "TIME", "2017-10-15T21:12"), timexes);
        Assert.Contains(("21h07", "TIME", "2017-10-15T21:07"), timexes);
    }

    [Fact]
    public void A_time_in_an_article_that_is_no_blog_is_of_its_publication_day()
    {
        // OrangeSum 26189, Sunday 29 January 2017.
        var timexes = Timexes("Plus de 7.000 bureaux de vote ont ouvert, ce dimanche 29 janvier à 9h en France métropolitaine, pour le second tour de la primaire organisée par le Parti socialiste (PS). Chaque Français peut, comme au premier tour, glisser son bulletin jusqu'à 19h moyennant un euro.", "2017-01-29");

        Assert.Contains(("19h", "TIME", "2017-01-29T19:00"), timexes);
    }

    [Fact]
    public void A_stamp_giving_its_date_dates_its_entry()
    {
        var timexes = Timexes("""
            Attentats de Paris : le point sur l'enquête
            Mis à jour le 17 novembre à 8h05
            Le parquet de Paris annonce que sept personnes ont été interpellées dimanche lors de perquisitions à Molenbeek, en Belgique. Elles sont entendues par les enquêteurs belges.
            Les enquêteurs recherchent toujours un huitième homme, dont la photo a été diffusée par la police.
            16/11/2015 21:40
            Le ministre de l'Intérieur tiendra une conférence de presse demain matin place Beauvau, après la réunion du conseil de défense à l'Élysée.
            Il doit présenter les premières mesures prises dans le cadre de l'état d'urgence.
            16/11/2015 12:11
            Les deux femmes ont été tuées mardi à leur domicile, selon le parquet, qui n'établit pour l'heure aucun lien avec les attaques de vendredi soir.
            Une enquête a été ouverte pour homicide volontaire.
            """, "2015-11-20");

        Assert.Contains(("dimanche", "DATE", "2015-11-15"), timexes);
        Assert.Contains(("demain matin", "TIME", "2015-11-17TMO"), timexes);
        Assert.Contains(("mardi", "DATE", "2015-11-10"), timexes);
        Assert.Contains(("vendredi soir", "TIME", "2015-11-13TEV"), timexes);
    }

    [Fact]
    public void Stamps_on_a_twelve_hour_clock_run_in_order_through_noon()
    {
        // 11:50 a.m., 12:10 p.m., 1:05 p.m.: one morning and afternoon, not times that turn back.
        var timexes = Timexes("""
            Paris attacks: live updates
            November 16, 2015
            11:50 a.m.
            A minute of silence was observed across Europe at noon on Monday.
            12:10 p.m.
            French police said they had carried out raids in several cities on Sunday night.
            1:05 p.m.
            President François Hollande will address both houses of parliament at Versailles this afternoon.
            """, null);

        Assert.Contains(("Sunday night", "TIME", "2015-11-15TNI"), timexes);
        Assert.Contains(("this afternoon", "TIME", "2015-11-16TAF"), timexes);
    }

    [Fact]
    public void Bare_times_of_a_blog_of_one_day_written_on_a_twelve_hour_clock_are_of_its_day()
    {
        var timexes = Timexes("""
            Paris attacks: live updates
            11:50 a.m.
            A minute of silence was observed across Europe at noon.
            12:10 p.m.
            French police said they had carried out raids in several cities on Sunday night.
            1:05 p.m.
            President François Hollande will address both houses of parliament at Versailles this afternoon.
            """, "2015-11-16");

        Assert.Contains(("Sunday night", "TIME", "2015-11-15TNI"), timexes);
    }

    [Fact]
    public void Teasers_between_an_articles_paragraphs_are_no_live_blog()
    {
        // elnuevoherald.com (html-maintext-dev; shortened): other articles' headlines over their dates,
        // set between the paragraphs, out of order. The paragraphs under them are of the article's day.
        var timexes = Timexes("""
            Negocios
            ¿Quiere poner un negocio? Miami le abre sus puertas, venga a generar ingresos y trabajo
            por Sarah Moreno
            26 de abril de 2022 1:04 PM
            Miami queda en segundo lugar entre las mejores ciudades de Estados Unidos para comenzar un negocio, en una lista que encabeza Orlando. Se incluyen además en el top ten otras ciudades de la Florida como Jacksonville, en el puesto número 7, y Tampa en el décimo lugar.
            El sitio de finanzas personales WalletHub analizó 100 ciudades grandes considerando 20 aspectos, como la cantidad de empresas startup per cápita, el acceso al financiamiento para establecer negocios, la variedad de las industrias y el crecimiento del empleo.
            Sur de la Florida
            El ‘tesoro dulce argentino’ que le cambia la vida a un pequeño negocio familiar de Miami
            02 de febrero de 2022 12:02 PM
            La ciudad más barata en costos de negocios es Winston-Salem, en North Carolina, y la que tiene más acceso a los recursos es Irvine, California, una ciudad por demás tan popular que no tienen viviendas en venta por menos de $150,000, según un análisis de varios portales de bienes raíces.
            Acceso Miami
            Cómo crear un negocio sin perder tiempo ni dinero y obtener un estatus legal en EEUU
            10 de febrero de 2021 07:30 AM
            El condado de Miami-Dade tiene 222,125 negocios, según cifras del Beacon Council. Las industrias principales en el 2021 en el condado fueron la de cuidados médicos, servicios sociales, comercios minoristas, servicios profesionales, científicos y técnicos, hoteles y restaurantes.
            El emprendimiento en tecnología, finanzas y cuidado de la salud predomina en Miami, que atrajo un 75 por ciento del capital de riesgo en inversiones. En las startup y grandes compañías del sur de la Florida se invirtieron $5,330 millones el año pasado, muy por encima de los $2,270 millones del 2020, según cifras de la reunión de eMerge Americas, celebrada la semana pasada.
            Por otra parte, los dueños de negocios enfrentan una escasez de empleados porque el alto precio de la vivienda y el fenómeno llamado la Gran Renuncia, han provocado que muchos trabajadores se muden del sur de la Florida o dejen ciertas industrias o emprendan por cuenta propia.
            Acceso Miami
            Pionera de Facebook, dejó Silicon Valley por Miami y construyó una compañía millonaria
            15 de abril de 2022 01:02 PM
            La llegada constante de inmigrantes ha mantenido en actividad la economía de la región. Desde las primeras oleadas de exiliados cubanos que crearon negocios icónicos de Miami, que hoy siguen triunfando como el Versailles, que en el 2021 celebró sus 50 años, o los supermercados Sedano’s, que este año cumplen seis décadas, la ciudad ha acogido a los empresarios que quieren iniciar un negocio en Miami desde cero. Hoy con la ventaja de que las universidades como FIU o UM les ofrecen entrenamiento y consejería, además de la ayuda de grandes corporaciones como PepsiCo, que tienen estímulos para los negocios latinos y de mujeres.
            """, null);

        Assert.Contains(("el año pasado", "DATE", "2021"), timexes);
        Assert.Contains(("hoy", "DATE", "2022-04-26"), timexes);
    }
}
