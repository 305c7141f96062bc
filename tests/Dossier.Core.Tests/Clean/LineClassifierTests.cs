using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

public class LineClassifierTests
{
    [Fact]
    public void English_widget_errors_and_footers_are_boilerplate_in_any_article()
    {
        var document = Samples.AnalyseText(
            "Le gouvernement a annoncé mardi une réforme des retraites très contestée par les syndicats.\n" +
            "GIPHY App Key not set. Please check settings\n" +
            "Follow us on Twitter and Facebook for more news\n" +
            "À lire aussi : la grève continue\n" +
            "Les syndicats appellent à une nouvelle journée de mobilisation jeudi dans toute la France.");
        Assert.Equal([LineKind.Content, LineKind.Boilerplate, LineKind.Boilerplate, LineKind.Boilerplate, LineKind.Content],
            document.Lines.Select(l => l.Kind));
    }

    [Fact]
    public void Nothing_is_deleted_the_kinds_are_annotations_on_the_original_text()
    {
        const string text = "Votre publicité ici avec IMPACT_medias\r\n\r\nLe texte de l'article, assez long pour être un paragraphe entier.\r\n";
        var document = Samples.AnalyseText(text);
        Assert.Equal(text, document.Text);
        Assert.Equal(4, document.Lines.Count);
        Assert.Equal("Votre publicité ici avec IMPACT_medias", document.LineText(1));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(1));
        Assert.Equal(LineKind.Content, document.KindOf(3));
    }

    [Fact]
    public void Control_characters_and_markup_in_text_do_not_throw()
    {
        var document = Samples.AnalyseText("\u0001\u0002<div>é</div>\n\t\u00A0\n<<<>>> ||| ・\n" + new string('x', 5000));
        Assert.Equal(4, document.Lines.Count);
    }
}
