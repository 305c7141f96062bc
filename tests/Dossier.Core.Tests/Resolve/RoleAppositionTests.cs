using Dossier.Core.Resolve;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Resolve;

/// <summary>Role phrases next to a name, on an orangesum article.</summary>
public class RoleAppositionTests
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
}
