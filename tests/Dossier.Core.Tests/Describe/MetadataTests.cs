using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Describe;

public class MetadataTests
{
    [Fact]
    public void A_year_less_update_line_takes_its_year_from_the_weekday_named_and_the_latest_year_mentioned()
    {
        // "lundi" falls on 18 April, the day before "19/04", in 2016; the article mentions June 2014.
        var document = Samples.Analyse("000_6d8b029ee740e503.txt");
        var published = document.Metadata.Published!;
        Assert.Equal("2016-04-19T09:10", published.Value);
        Assert.True(published.Inferred);
        Assert.Equal("Dernière mise à jour à 09h10 le 19/04", published.Text);
        Assert.Equal(1, published.Line);
        Assert.Null(document.Metadata.Title);
        Assert.Equal("fr", document.Language);
    }

    [Fact]
    public void A_dateline_with_an_abbreviated_month_and_a_time()
    {
        var document = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        var published = document.Metadata.Published!;
        Assert.Equal("2016-07-11T18:56", published.Value);
        Assert.False(published.Inferred);
        Assert.Equal(7, published.Line);
        Assert.Equal("Irak: des centaines de soldats américains envoyés en renfort", document.Metadata.Title!.Value);
        Assert.Equal(3, document.Metadata.Title.Line);
    }

    [Fact]
    public void An_undated_article_has_no_publication_date_rather_than_an_invented_one()
    {
        var document = Samples.Analyse("002_888d00f59fb284be.txt");
        Assert.Null(document.Metadata.Published);
        Assert.Null(document.Metadata.Title);
    }

    [Fact]
    public void Byline_outlet_update_line_and_agency_of_a_syndicated_article()
    {
        var meta = Samples.Analyse("003_d61757c6b4a146bb.txt").Metadata;
        Assert.Equal("2019-10-24", meta.Published!.Value);
        Assert.Equal(4, meta.Published.Line);
        Assert.False(meta.Published.Inferred);
        Assert.Equal("Norbert", meta.Author!.Value);
        Assert.Equal("French.china.org.cn", meta.Outlet!.Value);
        Assert.Equal("Xinhua", meta.Agency!.Value);
        Assert.Equal(29, meta.Agency.Line);
        Assert.Equal("Les États-Unis et l'Irak discutent de la coopération anti-État islamique et du départ des troupes américaines de Syrie", meta.Title!.Value);
    }

    [Fact]
    public void A_dateline_on_its_own_line()
    {
        var meta = Samples.Analyse("004_49e0df675a038899.txt").Metadata;
        Assert.Equal("WASHINGTON", meta.Dateline!.Value);
        Assert.Equal(5, meta.Dateline.Line);
        Assert.Null(meta.Published);
        Assert.Equal("L'armée américaine reprend ses opérations contre l'État islamique en Irak", meta.Title!.Value);
    }

    [Fact]
    public void A_dateline_opening_the_first_paragraph_names_place_and_agency()
    {
        var meta = Samples.AnalyseText(
            "Grève : la SNCF annonce un trafic perturbé\n" +
            "PARIS (AFP) - La SNCF a annoncé dimanche un trafic très perturbé pour lundi, au cinquième jour de la grève.\n" +
            "Les syndicats maintiennent leur appel à la mobilisation pour toute la semaine prochaine.").Metadata;
        Assert.Equal("PARIS", meta.Dateline!.Value);
        Assert.Equal("AFP", meta.Agency!.Value);
    }

    [Theory]
    [InlineData("Le ministre a parlé hier devant les députés de la réforme.", "fr")]
    [InlineData("The minister spoke to lawmakers about the reform on Monday.", "en")]
    [InlineData("12 345 678", "und")]
    public void Language_is_named_from_function_words(string text, string language) =>
        Assert.Equal(language, Samples.AnalyseText(text).Language);
}
