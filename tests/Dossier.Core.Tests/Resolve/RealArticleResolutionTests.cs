using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Resolution on orangesum articles: role phrases next to a name, numbers in names.</summary>
public class RealArticleResolutionTests
{
    [Fact]
    public void ANameAfterARolePhraseIsNoHolderWhenTheRoleHoldersOfTheDayNameSomeoneElse()
    {
        // 26342, 16 January 2017: "l'investiture de Donald Trump en tant que nouveau président des
        // États-Unis, Manuel Valls a tancé…". Barack Obama held the office that day and is not named,
        // so the phrase stays a role phrase.
        var documents = Orangesum.Articles("26342");
        var entities = EntityResolver.Resolve(documents);
        var valls = Assert.Single(entities, e => e.Name == "Manuel Valls");
        Assert.Empty(valls.Roles);
        Assert.DoesNotContain(entities, e => e.Roles.Any(r => r.Role == "us-president"));
    }

    [Fact]
    public void AChannelNamedWithANumberIsNotTheCountry()
    {
        // 16627: "Arnaud Comte et Stéphane Guillemot pour France 2" and "rapatriés en France".
        var documents = Orangesum.Articles("16627");
        var entities = EntityResolver.Resolve(documents);
        var country = Assert.Single(entities, e => e.Aliases.Contains("France"));
        Assert.DoesNotContain("France 2", country.Aliases);
        Assert.Contains(entities, e => e.Aliases.SequenceEqual(["France 2"]));
    }
}
