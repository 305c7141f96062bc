using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>Races, damaged dossiers and hostile text, as a user meets them on the command line.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-hostile-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Path_(string name) => Path.Combine(_folder, name);

    private static string JsonLine(string id, string title, string text) =>
        JsonSerializer.Serialize(new { id, title, text }) + "\n";

    [Fact]
    public void A_record_removed_from_its_file_is_counted_removed_on_rebuild()
    {
        var articles = Enumerable.Range(1, 3).Select(i => JsonLine($"a{i}", $"Titre {i}", $"Le gouvernement a annoncé lundi la mesure numéro {i}.")).ToArray();
        File.WriteAllText(Path_("flux.jsonl"), string.Concat(articles));
        DossierProcess.Run(_folder, "build", "flux.jsonl", "-o", "f.dossier");
        File.WriteAllText(Path_("flux.jsonl"), articles[0]);

        var rebuild = DossierProcess.Run(_folder, "build", "flux.jsonl", "-o", "f.dossier");

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Equal("f.dossier: 0 added, 0 replaced, 1 unchanged, 2 removed", rebuild.Out.Trim());
    }

    [Fact]
    public async Task Two_builds_creating_the_same_dossier_at_once_both_store_their_documents()
    {
        Directory.CreateDirectory(Path_("a"));
        Directory.CreateDirectory(Path_("b"));
        var samples = Directory.GetFiles(DossierProcess.Samples).Order(StringComparer.Ordinal).ToArray();
        foreach (var (file, i) in samples.Select((f, i) => (f, i)))
            File.Copy(file, Path.Combine(Path_(i % 2 == 0 ? "a" : "b"), Path.GetFileName(file)));

        using var first = DossierProcess.Start(_folder, "build", "a", "-o", "same.dossier", "-q");
        using var second = DossierProcess.Start(_folder, "build", "b", "-o", "same.dossier", "-q");
        var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync());
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(3)) && second.WaitForExit(TimeSpan.FromMinutes(3)));

        Assert.Equal((0, 0, "", ""), (first.ExitCode, second.ExitCode, errors[0], errors[1]));
        var timeline = DossierProcess.Run(_folder, "timeline", "same.dossier");
        Assert.Contains($"{samples.Length} documents,", timeline.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_page_is_one_line_naming_the_file_and_exit_code_2()
    {
        DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        long root;
        using (var connection = new SqliteConnection($"Data Source={Path_("s.dossier")};Pooling=false"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = 'documents'";
            root = (long)query.ExecuteScalar()!;
        }
        // The first page of the documents table is overwritten; page 1 (the schema) stays, so the file still opens.
        var bytes = File.ReadAllBytes(Path_("s.dossier"));
        var pageSize = (bytes[16] << 8) | bytes[17];
        bytes.AsSpan((int)(root - 1) * pageSize, pageSize).Fill(0xA5);
        File.WriteAllBytes(Path_("s.dossier"), bytes);

        foreach (var verb in new[] { new[] { "export", "s.dossier", "-o", "s.json" }, ["timeline", "s.dossier"], ["show", "s.dossier", "d1"] })
        {
            var result = DossierProcess.Run(_folder, verb);
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: s.dossier: the dossier file is damaged (", line, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path_("s.json")) || File.Exists(Path_("s.json.partial")));
    }

    [Fact]
    public void Reading_verbs_never_create_nor_change_a_file()
    {
        File.WriteAllBytes(Path_("empty.dossier"), []);
        var export = DossierProcess.Run(_folder, "export", "empty.dossier", "-o", "out.json");
        Assert.Equal((2, "error: empty.dossier: empty file, not a dossier"), (export.ExitCode, export.Error.Trim()));
        Assert.Equal(0, new FileInfo(Path_("empty.dossier")).Length);
        Assert.False(File.Exists(Path_("out.json")));

        DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        var before = File.ReadAllBytes(Path_("s.dossier"));
        File.SetAttributes(Path_("s.dossier"), FileAttributes.ReadOnly);
        Assert.Equal(0, DossierProcess.Run(_folder, "export", "s.dossier", "-o", "s.json").ExitCode);
        Assert.Equal(0, DossierProcess.Run(_folder, "timeline", "s.dossier").ExitCode);
        File.SetAttributes(Path_("s.dossier"), FileAttributes.Normal);
        Assert.Equal(before, File.ReadAllBytes(Path_("s.dossier")));
        Assert.False(File.Exists(Path_("s.dossier-journal")));
    }

    [Fact]
    public void Escape_codes_in_file_names_ids_titles_and_text_are_printed_escaped()
    {
        const string esc = "\u001b";
        Directory.CreateDirectory(Path_("in"));
        File.WriteAllBytes(Path.Combine(Path_("in"), $"vide{esc}[2J.txt"), []);
        File.WriteAllText(Path.Combine(Path_("in"), "flux.jsonl"),
            JsonLine($"x{esc}]0;titre{'\u0007'}", $"Titre {esc}[31mrouge", $"Le gouvernement a annoncé {esc}[1mlundi{'\u009b'}2J une décision.") +
            "{\"id\": \"y\\u001b[5m\", \"text\": 42}\n");

        var build = DossierProcess.Run(_folder, "build", "in", "-o", "e.dossier");
        var timeline = DossierProcess.Run(_folder, "timeline", "e.dossier");
        var show = DossierProcess.Run(_folder, "show", "e.dossier", "d1");

        var errors = build.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("error: flux.jsonl (line 2, id y\\u001B[5m): \"text\" is a number, not a string of text", errors);
        Assert.Contains("error: vide\\u001B[2J.txt: empty file", errors);
        Assert.Contains("Titre \\u001B[31mrouge", timeline.Out, StringComparison.Ordinal);
        Assert.Contains("flux.jsonl#x\\u001B]0;titre\\u0007", timeline.Out, StringComparison.Ordinal);
        Assert.Contains("annoncé \\u001B[1mlundi\\u009B2J", show.Out, StringComparison.Ordinal);
        foreach (var printed in new[] { build.Out, build.Error, timeline.Out, show.Out })
            Assert.DoesNotContain(printed, c => c is '\u001b' or '\u0007' or '\u009b');
    }

    [Fact]
    public void The_json_export_escapes_markup_characters_in_strings()
    {
        File.WriteAllText(Path_("page.jsonl"), JsonLine("s1", "</script><script>alert(1)</script>", "Le texte parle de <b> & </script> en toutes lettres."));
        DossierProcess.Run(_folder, "build", "page.jsonl", "-o", "p.dossier");
        var export = DossierProcess.Run(_folder, "export", "p.dossier");

        Assert.Equal(0, export.ExitCode);
        Assert.DoesNotContain("</script>", export.Out, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", export.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(export.Out);
        Assert.Equal("</script><script>alert(1)</script>", json.RootElement.GetProperty("documents")[0].GetProperty("title").GetString());
    }

    /// <summary>Run as its own process: were the nesting to reach a recursion again, the stack
    /// overflow would end that process, not the tests.</summary>
    [Fact]
    public void A_page_nested_100_000_levels_deep_is_read_with_a_warning()
    {
        File.WriteAllText(Path_("profond.html"), "<!doctype html><html><head><title>Profond</title></head><body><p>Le début de la page est lu.</p>"
            + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Le fond de la page est lu aussi.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");

        var build = DossierProcess.Run(_folder, "build", "profond.html", "-o", "p.dossier");
        var show = DossierProcess.Run(_folder, "show", "p.dossier", "d1");

        Assert.Equal(0, build.ExitCode);
        Assert.Contains("warning: profond.html: markup nested 100000 levels deep, over the limit of 256: the deeper tags are ignored, their text is read",
            build.Error.Split('\n'));
        Assert.Contains("Le fond de la page est lu aussi.", show.Out, StringComparison.Ordinal);
    }
}
