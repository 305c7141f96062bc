using Dossier.Core.Model;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Event mentions (schema 10).</summary>
public sealed partial class SqliteDossierStore
{
    private SqliteCommand EventInsertCommand(SqliteTransaction transaction) => Command("""
        INSERT INTO event_mentions (doc_id, start, triggers, class, status, sentence, framed, time_value, time_inferred, time_start, time_length, participants, place_start, place_length)
        VALUES ($doc, $start, $triggers, $class, $status, $sentence, $framed, $time, $inferred, $timeStart, $timeLength, $participants, $placeStart, $placeLength)
        """, transaction);

    private static void SaveEvents(SqliteCommand insert, long docId, IEnumerable<EventMention> mentions)
    {
        foreach (var mention in mentions)
            Run(insert, ("$doc", docId), ("$start", mention.Triggers[0].Start), ("$triggers", SpanListCodec.Format(mention.Triggers)),
                ("$class", mention.Class), ("$status", mention.Status.ToString().ToLowerInvariant()), ("$sentence", mention.Sentence),
                ("$framed", mention.Framed), ("$time", mention.Time?.Value), ("$inferred", mention.Time?.Inferred ?? false),
                ("$timeStart", mention.Time?.Expression?.Start), ("$timeLength", mention.Time?.Expression?.Length),
                ("$participants", SpanListCodec.Format(mention.Participants)), ("$placeStart", mention.Place?.Start), ("$placeLength", mention.Place?.Length));
    }
}
