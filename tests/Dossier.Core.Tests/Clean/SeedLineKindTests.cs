using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>Line kinds on the seed articles, as an analyst marked them.</summary>
public class SeedLineKindTests
{
    private static string Kinds(AnalysedDocument document) =>
        string.Join(" ", document.Lines.Where(l => l.Kind != LineKind.Blank).Select(l => $"{l.Number}:{Line.KindName(l.Kind)}"));

    [Fact]
    public void Ads_title_dateline_subheading_and_pull_quote_of_a_scraped_article()
    {
        var document = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        Assert.Equal(
            "1:boilerplate 3:title 5:content 7:metadata 8:content 10:content 12:content 14:duplicate 16:content " +
            "22:metadata 24:content 26:content 28:content 30:boilerplate",
            Kinds(document));
        Assert.Equal(8, document.Lines[13].DuplicateOf);
        Assert.Equal("sub-heading", document.Lines[21].Reason);
    }

    [Fact]
    public void Byline_outlet_source_and_social_footer_of_an_agency_article()
    {
        var document = Samples.Analyse("003_d61757c6b4a146bb.txt");
        var kinds = Kinds(document);
        Assert.StartsWith("1:title 3:metadata 4:metadata 6:content", kinds, StringComparison.Ordinal);
        Assert.EndsWith("26:content 28:boilerplate 29:metadata 30:boilerplate", kinds, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_after_the_comment_form_is_page_furniture()
    {
        var document = Samples.Analyse("004_49e0df675a038899.txt");
        var kinds = Kinds(document);
        Assert.StartsWith("1:boilerplate 3:title 5:metadata 6:content", kinds, StringComparison.Ordinal);
        Assert.EndsWith("30:content 32:boilerplate 34:boilerplate 36:boilerplate 38:boilerplate 40:boilerplate", kinds, StringComparison.Ordinal);
        Assert.Equal("after line 32 (fr/lines.tsv:comments)", document.Lines[39].Reason);
    }

    [Fact]
    public void A_lede_pulled_above_the_body_is_a_duplicate_of_its_paragraph()
    {
        var document = Samples.Analyse("002_888d00f59fb284be.txt");
        Assert.Equal(LineKind.Content, document.KindOf(1));
        Assert.Equal(LineKind.Duplicate, document.KindOf(6));
        Assert.Equal(1, document.Lines[5].DuplicateOf);
        Assert.Equal(13, document.Lines.Count(l => l.Kind == LineKind.Content));
    }

    [Fact]
    public void A_paragraph_sharing_one_sentence_with_another_stays_content()
    {
        // 001 line 26 repeats the second sentence of line 5 inside a longer sentence.
        var document = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        Assert.Equal(LineKind.Content, document.KindOf(5));
        Assert.Equal(LineKind.Content, document.KindOf(26));
    }

    [Fact]
    public void Whitespace_only_lines_are_blank_even_with_no_break_spaces()
    {
        var document = Samples.Analyse("001_cbc4e9c720c4d8f6.txt");
        Assert.Equal("\u00A0", document.LineText(18));
        Assert.Equal(LineKind.Blank, document.KindOf(18));
    }
}
