using System.Text.Json;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Paragraphs of unlabelled text for the lexicon: a JSON Lines file (one string field of
/// each record, split at line breaks), a CoNLL file (its sentences; tags are not read) or a plain
/// text file (one paragraph per line).</summary>
public static class UnlabelledCorpus
{
    public static IEnumerable<string> Paragraphs(string path, string field)
    {
        if (path.EndsWith(".iob2", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".conll", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var sentence in ConllFile.Read(path, requireTags: false)) yield return string.Join(' ', sentence.Tokens);
            yield break;
        }
        var json = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!json)
            {
                yield return line;
                continue;
            }
            string? text;
            try
            {
                using var record = JsonDocument.Parse(line);
                text = record.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a JSON record ({ex.Message})", ex);
            }
            if (text is null) continue;
            foreach (var paragraph in text.Split('\n'))
                if (!string.IsNullOrWhiteSpace(paragraph)) yield return paragraph;
        }
    }
}
