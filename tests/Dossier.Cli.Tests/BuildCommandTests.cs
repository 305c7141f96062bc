using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

public sealed class BuildCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Path_(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Bad_inputs_are_each_named_with_their_problem_and_the_rest_is_ingested()
    {
        var inputs = Directory.CreateDirectory(Path_("in")).FullName;
        File.Copy(Path.Combine(DossierProcess.Samples, "000_6d8b029ee740e503.txt"), Path.Combine(inputs, "good.txt"));
        File.WriteAllBytes(Path.Combine(inputs, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(inputs, "photo.txt"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]);
        var article = Encoding.UTF8.GetBytes("Le président a été reçu à l'Élysée où il a prononcé un discours très attendu.");
        File.WriteAllBytes(Path.Combine(inputs, "damaged.txt"), [.. article, 0xE9, 0x80, .. article]);
        using (var big = File.Create(Path.Combine(inputs, "huge.txt")))
        {
            var line = Encoding.UTF8.GetBytes(new string('a', 1023) + "\n");
            for (var i = 0; i < 50 * 1024; i++) big.Write(line);
        }
        File.WriteAllText(Path.Combine(inputs, "feed.jsonl"),
            "{\"id\": 1, \"title\": \"Premier\", \"text\": \"Le premier article du flux, avec assez de texte.\"}\n" +
            "{\"id\": 2, \"text\": \"Une ligne coupée\n" +
            "{\"id\": 3, \"title\": \"Troisième\", \"text\": \"Le troisième article du flux, lu malgré la ligne 2.\"}\n");

        var result = DossierProcess.Run(_folder, "build", "in", Path_("missing-folder"), "-o", "out.dossier");

        Assert.Equal(1, result.ExitCode);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"warning: damaged.txt: invalid UTF-8 at byte {article.Length}; broken bytes were replaced by U+FFFD", errors);
        Assert.Contains("error: empty.txt: empty file", errors);
        Assert.Contains(errors, e => e.StartsWith("error: feed.jsonl (line 2): malformed JSON", StringComparison.Ordinal));
        Assert.Contains("error: huge.txt: 50.0 MB is larger than the 16 MB limit for one article (see --max-document-mb)", errors);
        Assert.Contains("error: photo.txt: binary file, not text (skipped)", errors);
        Assert.Contains($"error: {Path_("missing-folder")}: no such file or folder", errors);
        Assert.StartsWith("out.dossier: 4 added, 0 replaced, 0 unchanged; 5 inputs failed", result.Out, StringComparison.Ordinal);

        var timeline = DossierProcess.Run(_folder, "timeline", "out.dossier");
        Assert.Equal(0, timeline.ExitCode);
        Assert.Contains("4 documents, 3 without a publication date", timeline.Out, StringComparison.Ordinal);
        Assert.Contains("2016-04-19T09:10", timeline.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_fails_no_input_and_the_failed_inputs_are_counted()
    {
        var article = Encoding.UTF8.GetBytes("Le président a été reçu à l'Élysée où il a prononcé un discours très attendu.");
        File.WriteAllBytes(Path_("damaged.txt"), [.. article, 0xE9, 0x80, .. article]);
        File.WriteAllBytes(Path_("empty.txt"), []);

        var warned = DossierProcess.Run(_folder, "build", "damaged.txt", "-o", "warned.dossier");
        Assert.Equal(0, warned.ExitCode);
        Assert.Equal("warned.dossier: 1 added, 0 replaced, 0 unchanged", warned.Out.Trim());

        var failed = DossierProcess.Run(_folder, "build", "damaged.txt", "empty.txt", "-o", "failed.dossier");
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("failed.dossier: 1 added, 0 replaced, 0 unchanged; 1 input failed", failed.Out.Trim());
    }

    [Fact]
    public void Building_the_same_folder_twice_adds_nothing_the_second_time()
    {
        var first = DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("s.dossier: 5 added, 0 replaced, 0 unchanged", first.Out.Trim());
        var second = DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("s.dossier: 0 added, 0 replaced, 5 unchanged", second.Out.Trim());
    }

    [Fact]
    public void The_timeline_in_an_80_column_pipe_gives_each_event_the_width_of_the_line()
    {
        DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");

        var timeline = DossierProcess.Run(_folder, "timeline", "s.dossier");

        var lines = timeline.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        var meeting = lines.FindIndex(l => l.StartsWith("  2016-04-18 ", StringComparison.Ordinal));
        Assert.Equal("Le secrétaire américain à la Défense, Ashton Carter,", lines[meeting][26..]);
        Assert.Equal("sources: d1:2 d1:3 d1:4 d1:5 d1:6 d1:7 d1:9 d5:12", lines[meeting + 5].Trim());
    }

    [Fact]
    public void The_export_has_every_section_of_the_contract_and_each_document_its_text_and_line_kinds()
    {
        DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        var export = DossierProcess.Run(_folder, "export", "s.dossier", "--format", "json", "-o", "s.json");
        Assert.Equal(0, export.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path_("s.json")));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        foreach (var section in new[] { "documents", "entities", "timexes", "quantities", "series", "events", "stories", "duplicates" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(section).ValueKind);
        var d3 = root.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("path").GetString() == "003_d61757c6b4a146bb.txt");
        var text = File.ReadAllText(Path.Combine(DossierProcess.Samples, "003_d61757c6b4a146bb.txt"));
        Assert.Equal(text, d3.GetProperty("text").GetString());
        Assert.Equal("2019-10-24", d3.GetProperty("published").GetProperty("value").GetString());
        Assert.Equal("Norbert", d3.GetProperty("author").GetString());
        var lines = d3.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l)), lines.Count);
        Assert.Equal("title", lines[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Show_prints_each_line_with_its_kind_and_a_wrong_reference_is_an_error()
    {
        DossierProcess.Run(_folder, "build", DossierProcess.Samples, "-o", "s.dossier");
        var show = DossierProcess.Run(_folder, "show", "s.dossier", "004_49e0df675a038899.txt");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("WASHINGTON", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"40\s+boilerplate\s+Thomas Tuchel", show.Out);
        var missing = DossierProcess.Run(_folder, "show", "s.dossier", "d99");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: s.dossier: no document 'd99'", missing.Error.Trim());
        var noFile = DossierProcess.Run(_folder, "timeline", "nothing.dossier");
        Assert.Equal(2, noFile.ExitCode);
        Assert.Equal("error: nothing.dossier: no such dossier file", noFile.Error.Trim());
    }

    [Fact]
    public void A_build_killed_half_way_leaves_a_dossier_of_whole_documents_that_a_second_build_completes()
    {
        // The first 1,500 articles of the French news corpus: enough for several batches.
        var corpus = Path_("news.jsonl");
        var records = File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl")).Take(1500).ToList();
        File.WriteAllLines(corpus, records);
        var withText = records.Count(r => JsonDocument.Parse(r).RootElement.GetProperty("article").GetString()!.Trim().Length > 0);
        var dossier = Path_("big.dossier");
        using (var process = DossierProcess.Start(_folder, "build", corpus, "-o", dossier, "-q"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (CountDocuments(dossier) < 200 && !process.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(50);
            Assert.False(process.HasExited, "the build finished before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // Opened for writing, as the next build would: SQLite rolls back the journal of the interrupted transaction.
        using (var connection = new SqliteConnection($"Data Source={dossier};Mode=ReadWrite;Pooling=false"))
        {
            connection.Open();
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            var documents = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(documents, 200, withText - 1);
            // Whole documents only: every stored document has all its lines and its segmentation.
            Assert.Equal(0L, Scalar(connection, """
                SELECT count(*) FROM documents d
                WHERE (SELECT count(*) FROM lines l WHERE l.doc_id = d.id) <> length(d.text) - length(replace(d.text, char(10), '')) + 1
                   OR NOT EXISTS (SELECT 1 FROM segments s WHERE s.doc_id = d.id)
                """));
        }

        var resumed = DossierProcess.Run(_folder, "build", corpus, "-o", dossier, "-q");
        Assert.Equal(records.Count > withText ? 1 : 0, resumed.ExitCode); // records without text are reported
        Assert.Equal(withText, CountDocuments(dossier));
    }

    [Fact]
    public void A_date_given_at_build_dates_only_the_articles_that_state_none()
    {
        foreach (var seed in new[] { "000_6d8b029ee740e503.txt", "002_888d00f59fb284be.txt" })
            File.Copy(Path.Combine(DossierProcess.Samples, seed), Path_(seed));

        var refused = DossierProcess.Run(_folder, "build", "002_888d00f59fb284be.txt", "-o", "bad.dossier", "--published", "20/07/2016");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("error: --published 20/07/2016: not a date written YYYY-MM-DD", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path_("bad.dossier")));

        Assert.Equal(0, DossierProcess.Run(_folder, "build", "000_6d8b029ee740e503.txt", "002_888d00f59fb284be.txt", "-o", "out.dossier", "-q", "--published", "2016-07-20").ExitCode);
        Assert.Equal(0, DossierProcess.Run(_folder, "export", "out.dossier", "-o", "out.json").ExitCode);

        using var export = JsonDocument.Parse(File.ReadAllText(Path_("out.json")));
        var published = export.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("path").GetString()!, d => d.GetProperty("published"));
        Assert.Equal("2016-04-19T09:10", published["000_6d8b029ee740e503.txt"].GetProperty("value").GetString());
        Assert.Equal("2016-07-20", published["002_888d00f59fb284be.txt"].GetProperty("value").GetString());
        Assert.Equal("date given for inputs stating none (build --published)", published["002_888d00f59fb284be.txt"].GetProperty("origin").GetString());
    }

    private static long CountDocuments(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false;Default Timeout=1");
            connection.Open();
            return Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or busy committing
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
