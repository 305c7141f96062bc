using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

/// <summary>Lines that French news pages put around and inside their articles, as they come out of
/// HTML extraction: each classified by the fr/lines.tsv patterns, the article kept as content.</summary>
public class NewsPageLineTests
{
    [Fact]
    public void FrenchNewsFurnitureIsNotContent()
    {
        var document = Samples.AnalyseText(string.Join('\n',
            "Le Pentagone envoie 560 soldats de plus en Irak",
            "Le Monde avec AFP",
            "Écouter cet article",
            "Le secrétaire américain à la Défense, Ashton Carter, a annoncé lundi à Bagdad l'envoi de 560 soldats supplémentaires, qui doivent aider l'armée irakienne à reprendre Mossoul.",
            "► À lire aussi : Irak, la bataille de Mossoul a commencé",
            "Ces renforts porteront à 4 647 le nombre de militaires américains déployés dans le pays, a précisé le Pentagone dans un communiqué publié lundi soir.",
            "Il vous reste 62 % de cet article à lire.",
            "Offrir cet article",
            "Sur le même sujet"));

        Assert.Equal(LineKind.Title, document.KindOf(1));
        Assert.Equal(LineKind.Metadata, document.KindOf(2));
        Assert.Equal("AFP", document.Metadata.Agency!.Value);
        Assert.Equal(LineKind.Boilerplate, document.KindOf(3));
        Assert.Equal(LineKind.Content, document.KindOf(4));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(5));
        Assert.Equal(LineKind.Content, document.KindOf(6));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(7));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(8));
        Assert.Equal(LineKind.Boilerplate, document.KindOf(9));
    }
}
