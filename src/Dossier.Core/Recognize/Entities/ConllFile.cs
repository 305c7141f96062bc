using System.Text;

namespace Dossier.Core.Recognize.Entities;

/// <summary>A sentence of a CoNLL file: its tokens and, when the file has them, their IOB2 tags.</summary>
public sealed record TaggedSentence(string[] Tokens, string[]? Tags, int FirstLine);

/// <summary>Reads and writes the CoNLL layout used for NER data: one token per line (`token` or
/// `token&lt;TAB&gt;tag`), a blank line after each sentence, UTF-8. A malformed line fails with the
/// file and line number, never silently.</summary>
public static class ConllFile
{
    /// <summary>Reads every sentence. With <paramref name="requireTags"/>, each line must be
    /// `token&lt;TAB&gt;tag` with an IOB2 tag (O, B-TYPE, I-TYPE); otherwise a tag column is optional
    /// and ignored if present.</summary>
    public static List<TaggedSentence> Read(string path, bool requireTags)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, requireTags);
    }

    public static List<TaggedSentence> Read(TextReader reader, string name, bool requireTags)
    {
        var sentences = new List<TaggedSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;
        var first = 1;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                Flush();
                first = lineNumber + 1;
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var token = tab < 0 ? line : line[..tab];
            if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal))
                throw Malformed(name, lineNumber, "a token must be non-empty and hold no space", line);
            tokens.Add(token);
            if (!requireTags) continue;
            if (tab < 0)
                throw Malformed(name, lineNumber, "expected 'token<TAB>tag'", line);
            var tag = line[(tab + 1)..];
            if (tag.Contains('\t', StringComparison.Ordinal)) tag = tag[..tag.IndexOf('\t', StringComparison.Ordinal)];
            if (!IsIob2Tag(tag))
                throw Malformed(name, lineNumber, $"'{tag}' is not an IOB2 tag (O, B-TYPE or I-TYPE)", line);
            tags.Add(tag);
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count == 0) return;
            sentences.Add(new TaggedSentence(tokens.ToArray(), requireTags ? tags.ToArray() : null, first));
            tokens.Clear();
            tags.Clear();
        }
    }

    /// <summary>Writes `token&lt;TAB&gt;tag` lines, a blank line after each sentence.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            writer.Write(tokens[i]);
            writer.Write('\t');
            writer.Write(tags[i]);
            writer.Write('\n');
        }
        writer.Write('\n');
    }

    private static bool IsIob2Tag(string tag) =>
        tag == "O" || (tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-');

    private static InvalidDataException Malformed(string name, int line, string problem, string text) =>
        new($"{name}:{line}: {problem}, got '{(text.Length > 60 ? text[..60] + "…" : text)}'");
}
