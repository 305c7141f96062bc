using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

public sealed class EntitiesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Entities_lists_variants_with_counts_the_reason_of_each_join_and_roles_with_their_dates()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"),
            "Libye : les rebelles avancent\n\nPublié le 21 mars 2011\n\n" +
            "Les forces fidèles au colonel Mouammar Kadhafi ont bombardé Misrata. Le Conseil national de transition (CNT) a affirmé que les combats avaient fait des morts. Le président français a reçu les représentants du CNT.\n");
        File.WriteAllText(Path.Combine(_folder, "b.txt"),
            "Libye : Gaddafi promet de résister\n\nPublié le 22 mars 2011\n\n" +
            "Muammar Gaddafi a promis de résister. Le CNT affirme contrôler la ville. Nicolas Sarkozy a appelé à une transition.\n");
        Assert.Equal(0, DossierProcess.Run(_folder, "build", "a.txt", "b.txt", "-o", "l.dossier").ExitCode);

        var result = DossierProcess.Run(_folder, "entities", "l.dossier");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var council = lines.FindIndex(l => l.EndsWith("\tORG\tConseil national de transition\t4 mentions in 2 articles", StringComparison.Ordinal));
        Assert.True(council >= 0, result.Out);
        Assert.Equal("\tvariants: CNT (3), Conseil national de transition (1)", lines[council + 1]);
        Assert.Equal("\tjoined: CNT = Conseil national de transition: acronym declared in the article", lines[council + 2]);
        Assert.Contains("\tjoined: Muammar Gaddafi = Mouammar Kadhafi: same name in another spelling (key \"muamar kadafi\")", lines);
        Assert.Contains("\trole: fr-president on 2011-03-21 (\"Le président français\" d1)", lines);
    }
}
