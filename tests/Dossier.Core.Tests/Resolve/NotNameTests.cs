using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Capitalised words that name nothing a reader would follow, on orangesum articles of the
/// "gilets jaunes" coverage (2018–2020), where a reader met them as entities: the people of a place
/// ("les Français", fr/demonyms.txt) and common nouns written as acronyms ("la CSG", fr/not-names.txt).</summary>
public class NotNameTests
{
    [Fact]
    public void ThePeopleOfAPlaceAreNoEntityUnlessTheyMakeAKnownName()
    {
        // 17521: "Les Français restent sceptiques", "sept Français sur dix", "des Français" (8 times);
        // 19855: "Les Français n'ont plus confiance"; 28078: "prise en charge par les Parisiens";
        // 19147: "affirme encore le Toulousain"; 25996: "explique au Parisien l'avocat Thierry Vallat",
        // the newspaper (Le Parisien in the gazetteer).
        var entities = EntityResolver.Resolve(Orangesum.Articles("17521", "19855", "28078", "19147", "25996"));
        string[] demonyms = ["Français", "Les Français", "Parisiens", "Toulousain"];
        Assert.DoesNotContain(entities, e => e.Aliases.Intersect(demonyms).Any());
        Assert.Equal("ORG", Assert.Single(entities, e => e.Aliases.Contains("Parisien")).Type);
    }

    [Fact]
    public void ACommonNounWrittenAsAnAcronymIsNoEntity()
    {
        // 19479: "ne subiraient plus la hausse de la CSG", "La hausse de la CSG c'est ce qui permet".
        var entities = EntityResolver.Resolve(Orangesum.Articles("19479"));
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("CSG"));
    }

    [Fact]
    public void TheRepublicAndMankindAreNoEntityButANameMadeWithThemIs()
    {
        // 19338: "les policiers, au contraire, ont protégé la République"; 19147: "les attaques contre le
        // président de la République"; 10363: "Des défenseurs des droits de l'Homme" and "La Ligue des
        // droits de l'Homme".
        var entities = EntityResolver.Resolve(Orangesum.Articles("19338", "19147", "10363"));
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("République") || e.Aliases.Contains("Homme"));
        Assert.Equal("ORG", Assert.Single(entities, e => e.Name == "Ligue des droits de l'Homme").Type);
    }
}
