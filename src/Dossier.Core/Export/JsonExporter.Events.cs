using System.Text.Json;
using Dossier.Core.Events;
using Dossier.Core.Model;

namespace Dossier.Core.Export;

public static partial class JsonExporter
{
    /// <summary>The contract's fields, then what else the merger knows (class, status, whether
    /// the date is only the articles', how many documents and outlets report it, its salience).</summary>
    public static void WriteEvent(Utf8JsonWriter json, DossierEvent ev) => WriteEvent(json, ExportedEvent.Of(ev));

    public static void WriteEvent(Utf8JsonWriter json, ExportedEvent ev)
    {
        json.WriteStartObject();
        json.WriteString("id", ev.Id);
        json.WriteString("date", ev.Date);
        json.WriteString("summary", ev.Summary);
        WriteStrings(json, "participants", ev.Participants);
        json.WriteString("place", ev.Place);
        json.WriteStartArray("evidence");
        foreach (var (doc, line) in ev.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("doc", doc);
            json.WriteNumber("line", line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("mentions");
        foreach (var (doc, line, start, end, text) in ev.Mentions)
        {
            WriteSpan(json, doc, line, start, end, text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("class", ev.Class);
        json.WriteString("status", ev.Status.ToString().ToLowerInvariant());
        json.WriteBoolean("date_inferred", ev.DateInferred);
        json.WriteBoolean("date_estimated", ev.DateEstimated);
        json.WriteNumber("documents", ev.Documents);
        json.WriteNumber("outlets", ev.Outlets);
        json.WriteNumber("salience", ev.Salience);
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    /// <summary>For a document that states no publication date, the bound its reports put on it,
    /// with the report (its main trigger) and the date it is read from.</summary>
    private static void WritePublicationEstimate(Utf8JsonWriter json, string id, AnalysedDocument document)
    {
        if (document.Metadata.Published is not null || PublicationEstimate.Of(document.Events) is not { } estimate) return;
        json.WriteStartObject("published_estimate");
        json.WriteString("value", estimate.Value);
        json.WriteString("not_before", estimate.NotBefore);
        json.WritePropertyName("reason");
        WriteSpan(json, id, document, estimate.Reason.Triggers[0], (w, _) => w.WriteString("date", estimate.Reason.Time!.Value));
        json.WriteEndObject();
    }
}
