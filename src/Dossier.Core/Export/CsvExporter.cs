namespace Dossier.Core.Export;

/// <summary>The events as CSV (RFC 4180: comma-separated, fields quoted when they hold a comma,
/// a quote or a line break), one row per event in date order; lists are joined with "; ".</summary>
public static class CsvExporter
{
    private static readonly string[] Header =
        ["id", "date", "date_inferred", "class", "status", "summary", "participants", "place", "documents", "outlets", "sources"];

    public static void Write(Stream output, CorpusResults corpus) => Write(output, new HeldExport([], corpus));

    public static void Write(Stream output, IExportSource dossier)
    {
        var texts = new EventTexts(dossier.EntityNames());
        using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Header));
        foreach (var ev in dossier.Events().OrderBy(e => Events.EventTimeline.SortKey(e.Date), StringComparer.Ordinal))
        {
            string[] row =
            [
                ev.Id, ev.Date ?? "", ev.DateInferred ? "true" : "false", ev.Class, ev.Status.ToString().ToLowerInvariant(), ev.Summary,
                string.Join("; ", texts.Participants(ev)), texts.Place(ev) ?? "", ev.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ev.Outlets.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("; ", EventTexts.Sources(ev)),
            ];
            writer.WriteLine(string.Join(',', row.Select(Field)));
        }
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
