using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>Commands that cannot do what they are asked say why, and leave nothing behind.</summary>
public sealed class CommandErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_build_whose_inputs_are_all_missing_creates_no_dossier()
    {
        var result = DossierProcess.Run(_folder, "build", "nowhere.txt", "gone", "-o", "out.dossier");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: nowhere.txt: no such file or folder", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: gone: no such file or folder", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "out.dossier")));
    }

    [Fact]
    public void An_export_into_a_missing_folder_is_a_clear_error()
    {
        File.Copy(Path.Combine(DossierProcess.Samples, "000_6d8b029ee740e503.txt"), Path.Combine(_folder, "a.txt"));
        Assert.Equal(0, DossierProcess.Run(_folder, "build", "a.txt", "-o", "out.dossier", "-q").ExitCode);

        var result = DossierProcess.Run(_folder, "export", "out.dossier", "--format", "json", "-o", Path.Combine("missing", "out.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {Path.Combine("missing", "out.json")}: the folder {Path.Combine(_folder, "missing")} does not exist", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
