using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

public sealed class TrainTermsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Train_terms_counts_the_articles_holding_each_term_of_a_built_dossier()
    {
        var seeds = Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds");
        Assert.Equal(0, DossierProcess.Run(_folder, "build", seeds, "-o", "s.dossier").ExitCode);

        var result = DossierProcess.Run(_folder, "train", "terms", "s.dossier", "--language", "fr", "--source", "the five seeds", "--min-documents", "2", "-o", "terms.tsv");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(_folder, "terms.tsv"));
        Assert.Contains("# Source: the five seeds", lines);
        Assert.Contains("documents\t5", lines);
        // Most held first: five seeds on the fight against the Islamic State in Iraq.
        Assert.Equal(["term\taméricains\t5", "term\tforces\t5", "term\tforces irakiennes\t5", "term\tformation\t5", "term\tirakiennes\t5"],
            lines.Where(l => l.StartsWith("term\t", StringComparison.Ordinal)).Take(5));
        Assert.DoesNotContain(lines, l => l.StartsWith("term\t", StringComparison.Ordinal) && l.EndsWith("\t1", StringComparison.Ordinal));
    }

    [Fact]
    public void Train_terms_for_a_language_without_data_is_an_error_naming_it()
    {
        var result = DossierProcess.Run(_folder, "train", "terms", "s.dossier", "--language", "xx", "--source", "none", "-o", "terms.tsv");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --language xx: no language data", result.Error);
    }
}
