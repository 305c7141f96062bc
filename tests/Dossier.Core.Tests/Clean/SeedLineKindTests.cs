using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Clean;

public class SeedLineKindTests
{
    [Fact]
    public void Debug000()
    {
        var doc = Samples.Analyse("000_6d8b029ee740e503.txt");
        Assert.Equal(LineKind.Metadata, doc.KindOf(1));
    }
}
