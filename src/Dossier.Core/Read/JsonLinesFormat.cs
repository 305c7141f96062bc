using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Core.Model;

namespace Dossier.Core.Read;

/// <summary>One article per line as a JSON object: <c>{id?, url?, title?, published?|date?, author?, text|article}</c>.
/// A malformed line is reported with its number and the rest of the file is still read.</summary>
public sealed class JsonLinesFormat : IInputFormat
{
    private static readonly string[] TextFields = ["text", "article", "content", "body"];
    private static readonly string[] DateFields = ["published", "date", "datePublished", "pubDate"];

    public string Name => "jsonl";

    public bool Recognises(ReadOnlySpan<byte> head, string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return true;
        var trimmed = head.TrimStart(" \t\r\n\uFEFF"u8).TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{') return false;
        var end = trimmed.IndexOf((byte)'\n');
        var first = (end < 0 ? trimmed : trimmed[..end]).TrimEnd(" \t\r"u8);
        return first.Length > 1 && first[^1] == (byte)'}';
    }

    public IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken)
    {
        // Line by line as bytes: a line over the size limit is measured, never held in memory.
        using var stream = File.OpenRead(file.FullPath);
        var lines = new ByteLineReader(stream, options.MaxDocumentBytes);
        var number = 0;
        while (lines.Next(out var line, out var length))
        {
            number++;
            if ((number & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (line is null)
                yield return Problem(file, $"line {number}", $"record of {options.OverLimit(length)}");
            else if (!line.AsSpan().Trim(" \t\r"u8).IsEmpty)
                yield return ReadRecord(file, line, number);
        }
    }

    private ReadItem ReadRecord(InputFile file, byte[] bytes, int number)
    {
        var record = $"line {number}";
        // Broken UTF-8 is read as the decoder reads it (U+FFFD), as for plain text.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            // The parser counts from 0 within the record; the file's line is already named, so only
            // the 1-based byte of the line is added.
            var reason = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.');
            return Problem(file, record, $"malformed JSON ({reason}{(ex.BytePositionInLine is { } at ? $", at byte {at + 1}" : "")})");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return Problem(file, record, $"expected a JSON object, found {json.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            var root = json.RootElement;
            var id = FirstString(root, ["id"]);
            if (id is not null) record = $"{record}, id {id}";
            var textField = TextFields.Select(name => (Name: name, Found: root.TryGetProperty(name, out var value), Value: value))
                .FirstOrDefault(f => f.Found && f.Value.ValueKind != JsonValueKind.Null);
            if (textField.Found && textField.Value.ValueKind != JsonValueKind.String)
                return Problem(file, record, $"\"{textField.Name}\" is {KindName(textField.Value.ValueKind)}, not a string of text");
            var text = textField.Found ? textField.Value.GetString() : null;
            if (string.IsNullOrWhiteSpace(text))
                return Problem(file, record, "no text (expected a non-empty \"text\" or \"article\" field)");
            var hints = new SourceHints(
                Id: id, Url: FirstString(root, ["url", "link"]), Title: FirstString(root, ["title"]),
                Published: FirstString(root, DateFields), Author: FirstString(root, ["author"]));
            var key = $"{file.FullPath}#{(id is null ? $"line-{number}" : $"id-{id}")}";
            var path = id is null ? $"{file.DisplayPath}#{number}" : $"{file.DisplayPath}#{id}";
            return ReadItem.Of(new SourceDocument(key, path, Name, ContentHash.Of(bytes), text, "utf-8", hints));
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a boolean",
    };

    private static ReadItem Problem(InputFile file, string record, string message) =>
        ReadItem.Of(new InputProblem(file.DisplayPath, record, ProblemSeverity.Error, message));

    private static string? FirstString(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (!root.TryGetProperty(name, out var value)) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.Null: continue;
                default: return value.GetRawText();
            }
        }
        return null;
    }
}
