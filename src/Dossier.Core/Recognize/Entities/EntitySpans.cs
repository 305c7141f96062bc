namespace Dossier.Core.Recognize.Entities;

/// <summary>An entity as a range of tokens: [Start, End) and its type.</summary>
public readonly record struct TokenSpan(int Start, int End, string Type);

/// <summary>Reads entity spans out of IOB2 tags. An I- tag that does not continue an entity of its
/// type starts one (the lenient CoNLL reading), so a stray tag is never lost.</summary>
public static class EntitySpans
{
    public static List<TokenSpan> FromTags(IReadOnlyList<string> tags)
    {
        var spans = new List<TokenSpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var continues = type is not null && tag.Length > 2 && tag[0] == 'I' && tag.AsSpan(2).SequenceEqual(type);
            if (continues) continue;
            if (type is not null) spans.Add(new TokenSpan(start, i, type));
            type = null;
            if (tag != "O")
            {
                start = i;
                type = tag[2..];
            }
        }
        return spans;
    }
}
