using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>The folder named by DOSSIER_DATA extends the shipped language data: its fr/gazetteer.tsv
/// adds to fr/gazetteer.tsv, and a file there that extends nothing is an error naming it.</summary>
public sealed class UserDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Orangesum 10498 (21 May 2020): "selon Le Figaro" is not written; "Figaro" alone is, and the
    /// tagger takes it for a person.</summary>
    private void WriteArticle() =>
        File.WriteAllLines(Path.Combine(_folder, "a.jsonl"), File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl"))
            .Where(line => line.StartsWith("{\"id\": 10498,", StringComparison.Ordinal)));

    [Fact]
    public void A_user_gazetteer_line_types_a_name_the_shipped_one_does_not_know()
    {
        WriteArticle();
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data", "fr")).FullName;
        File.WriteAllText(Path.Combine(data, "gazetteer.tsv"), "# newspapers named without their article\nORG\tFigaro\n");

        Assert.Equal(0, DossierProcess.Run(_folder, "build", "a.jsonl", "-o", "shipped.dossier").ExitCode);
        var extended = new Dictionary<string, string> { ["DOSSIER_DATA"] = Path.Combine(_folder, "data") };
        Assert.Equal(0, DossierProcess.Run(extended, _folder, "build", "a.jsonl", "-o", "extended.dossier").ExitCode);

        Assert.Contains("\tPER\tFigaro\t1 mentions in 1 articles", DossierProcess.Run(_folder, "entities", "shipped.dossier").Out, StringComparison.Ordinal);
        Assert.Contains("\tORG\tFigaro\t1 mentions in 1 articles", DossierProcess.Run(_folder, "entities", "extended.dossier").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_file_that_extends_no_data_file_is_an_error_naming_it()
    {
        WriteArticle();
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data", "fr")).FullName;
        File.WriteAllText(Path.Combine(data, "gazeteer.tsv"), "ORG\tFigaro\n");

        var result = DossierProcess.Run(new Dictionary<string, string> { ["DOSSIER_DATA"] = Path.Combine(_folder, "data") }, _folder,
            "build", "a.jsonl", "-o", "extended.dossier");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine(data, "gazeteer.tsv") + ": not the name of a data file it could extend", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_role_line_with_a_wrong_third_column_is_an_error_naming_its_file_and_line()
    {
        WriteArticle();
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data", "fr")).FullName;
        File.WriteAllText(Path.Combine(data, "roles.tsv"), "# roles of a city\nmaire de Paris\tmaire de Paris\nmaire de Lyon\tmaire de Lyon\tnamed-only\n");

        var result = DossierProcess.Run(new Dictionary<string, string> { ["DOSSIER_DATA"] = Path.Combine(_folder, "data") }, _folder,
            "build", "a.jsonl", "-o", "extended.dossier");

        // The role lexicon is read with the first article's analysis, so it is that article that fails.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Path.Combine(data, "roles.tsv") + ":3: 'named-only' after 'maire de Lyon': the third column, when present, is 'named'", result.Error, StringComparison.Ordinal);
    }
}
