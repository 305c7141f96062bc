using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>A document's event mentions packed in one blob (schema 50), and those of a dossier stored a row each before it.</summary>
public sealed class EventMentionCodecTests : IDisposable
{
    // The opening of a seed article (seeds/003).
    internal const string Article = """
        Les États-Unis et l'Irak discutent de la coopération anti-État islamique et du départ des troupes américaines de Syrie

        French.china.org.cn | Mis à jour le 24-10-2019

        Le secrétaire américain à la Défense Mark Esper a rencontré mercredi les dirigeants irakiens au sujet de la coopération visant à vaincre les militants de l'État islamique (EI) ainsi que du retrait des troupes américaines du nord de la Syrie.

        Dans un commentaire publié sur sa page Twitter, M. Esper a déclaré qu'il avait eu l'occasion de discuter des relations bilatérales américano-irakiennes avec le Premier ministre irakien Adel Abdul Mahdi.

        Plus tôt dans la journée, une source du bureau de presse du ministère de la Défense irakien a confié à Xinhua que M. Esper se trouvait dans la capitale Bagdad pour des entretiens avec les dirigeants irakiens au sujet du retrait des troupes américaines du nord de la Syrie.

        A l'origine, plus de 5 000 soldats américains avaient été déployés en Irak pour soutenir les forces irakiennes lors des batailles contre les militants de l'EI.

        """;

    internal static readonly string[] Expected =
    [
        "discutent (meeting, Happened, sentence 0) time 2019-10-24 inferred; participants États-Unis, Irak, État islamique, Syrie; place -",
        "rencontré (meeting, Happened, sentence 2) time 2019-10-23 \"mercredi\"; participants Mark Esper, État islamique, EI, Syrie; place -",
        "retrait (withdrawal, Happened, sentence 2) time 2019-10-24 inferred; participants Mark Esper, État islamique, EI, Syrie; place -",
        "discuter (meeting, Planned, sentence 3, framed) time 2019-10-24 inferred; participants Twitter, Esper, Adel Abdul Mahdi; place -",
        "entretiens (meeting, Reported, sentence 4, framed) time 2019-10-23 \"tôt dans la journée\"; participants ministère de la Défense irakien, Xinhua, Esper, Bagdad, Syrie; place -",
        "retrait (withdrawal, Happened, sentence 4) time 2019-10-24 inferred; participants ministère de la Défense irakien, Xinhua, Esper, Bagdad, Syrie; place -",
        "déployés (deployment, Happened, sentence 5) time 2019-10-24 inferred; participants EI; place Irak",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-events-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_documents_event_mentions_read_back_as_found()
    {
        var document = DocumentPipeline.CreateDefault().Run(new SourceDocument("a.txt", "a.txt", "text", "0", Article, "utf-8", SourceHints.None));

        var packed = EventMentionCodec.Encode(document.Events);

        Assert.Equal(Expected, Described(document.Text, document.Events));
        Assert.Equal(Expected, Described(document.Text, EventMentionCodec.Decode(packed)));
        Assert.Empty(EventMentionCodec.Decode(EventMentionCodec.Encode([])));
    }

    [Fact]
    public void A_dossier_storing_event_mentions_a_row_each_opens_with_its_events()
    {
        var file = Path.Combine(_folder, "old.dossier");
        File.WriteAllText(Path.Combine(_folder, "a.txt"), Article);
        using (var store = SqliteDossierStore.Open(file, create: true))
            new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([Path.Combine(_folder, "a.txt")]);
        string text;
        EventMention[] found;
        using (var store = SqliteDossierStore.Open(file, create: false))
        {
            var document = store.Load(1)!;
            (text, found) = (document.Text, [.. document.Events]);
        }
        SqliteConnection.ClearAllPools();
        // The file as schema 49 left it: event mentions a row each, as its scripts made their table.
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            connection.Open();
            var migrations = Path.Combine(CorpusStagesTests.FindRoot(), "src", "Dossier.Storage.Sqlite", "Migrations");
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = File.ReadAllText(Path.Combine(migrations, "010_event_mentions.sql")) + """
                DROP TABLE packed_event_mentions;
                PRAGMA user_version = 49;
                """;
            downgrade.ExecuteNonQuery();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO event_mentions (doc_id, start, triggers, class, status, sentence, framed, time_value, time_inferred, time_start, time_length, participants, place_start, place_length)
                VALUES (1, $start, $triggers, $class, $status, $sentence, $framed, $time, $inferred, $timeStart, $timeLength, $participants, $placeStart, $placeLength)
                """;
            // Written in reverse: the rows are read back by main trigger.
            foreach (var mention in found.Reverse())
            {
                insert.Parameters.Clear();
                foreach (var (name, value) in RowOf(mention)) insert.Parameters.AddWithValue("$" + name, value);
                insert.ExecuteNonQuery();
            }
        }

        using (var store = SqliteDossierStore.Open(file, create: false))
            Assert.Equal(Expected, Described(text, store.Load(1)!.Events));
        using var upgraded = new SqliteConnection($"Data Source={file};Pooling=false");
        upgraded.Open();
        using var table = upgraded.CreateCommand();
        table.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'event_mentions'";
        Assert.Equal(0L, table.ExecuteScalar());
    }

    /// <summary>A mention's columns as a row each stored it before schema 50 (PostgreSQL 20), by name.</summary>
    internal static (string Name, object Value)[] RowOf(EventMention mention) =>
    [
        ("start", mention.Triggers[0].Start),
        ("triggers", string.Join(' ', mention.Triggers.Select(s => $"{s.Start}:{s.Length}"))),
        ("class", mention.Class),
        ("status", mention.Status.ToString().ToLowerInvariant()),
        ("sentence", mention.Sentence),
        ("framed", mention.Framed),
        ("time", (object?)mention.Time?.Value ?? DBNull.Value),
        ("inferred", mention.Time?.Inferred ?? false),
        ("timeStart", (object?)mention.Time?.Expression?.Start ?? DBNull.Value),
        ("timeLength", (object?)mention.Time?.Expression?.Length ?? DBNull.Value),
        ("participants", string.Join(' ', mention.Participants.Select(s => $"{s.Start}:{s.Length}"))),
        ("placeStart", (object?)mention.Place?.Start ?? DBNull.Value),
        ("placeLength", (object?)mention.Place?.Length ?? DBNull.Value),
    ];

    internal static string[] Described(string text, IEnumerable<EventMention> mentions)
    {
        string Words(IEnumerable<TextSpan> spans) => string.Join(", ", spans.Select(s => text.Substring(s.Start, s.Length)));
        return [.. mentions.Select(m => $"{Words(m.Triggers)} ({m.Class}, {m.Status}, sentence {m.Sentence}{(m.Framed ? ", framed" : "")}) " +
            $"time {m.Time?.Value ?? "-"}{(m.Time?.Inferred == true ? " inferred" : "")}{(m.Time?.Expression is { } e ? $" \"{Words([e])}\"" : "")}; " +
            $"participants {Words(m.Participants)}; place {(m.Place is { } p ? Words([p]) : "-")}")];
    }
}
