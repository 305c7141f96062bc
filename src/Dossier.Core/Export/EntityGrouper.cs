using System.Globalization;
using System.Text;
using Dossier.Core.Model;

namespace Dossier.Core.Export;

/// <summary>One real-world referent across the dossier and its mentions.</summary>
public sealed record EntityGroup(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<(string DocumentId, AnalysedDocument Document, EntityMention Mention)> Mentions);

/// <summary>Groups mentions that write the same name the same way, give or take accents, case,
/// hyphens and apostrophes ("Etat islamique" = "État islamique"). Smarter resolution (variants,
/// acronyms, roles) belongs to the Resolve stage.</summary>
public static class EntityGrouper
{
    public static IReadOnlyList<EntityGroup> Group(IEnumerable<ExportedDocument> documents)
    {
        var groups = new Dictionary<(string Type, string Key), List<(string, AnalysedDocument, EntityMention)>>();
        var order = new List<(string, string)>();
        foreach (var (id, document) in documents)
        {
            foreach (var mention in document.Entities)
            {
                var key = (mention.Type, NameKey(document.Text.AsSpan(mention.Span.Start, mention.Span.Length)));
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                    order.Add(key);
                }
                list.Add((id, document, mention));
            }
        }
        var result = new List<EntityGroup>(order.Count);
        foreach (var key in order)
        {
            var mentions = groups[key];
            var surfaces = mentions.Select(m => m.Item2.Text.Substring(m.Item3.Span.Start, m.Item3.Span.Length)).ToList();
            var name = surfaces.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            result.Add(new EntityGroup($"e{result.Count + 1}", name, key.Item1, surfaces.Distinct(StringComparer.Ordinal).ToArray(), mentions));
        }
        return result;
    }

    /// <summary>Letters and digits, lower case, accents removed.</summary>
    public static string NameKey(ReadOnlySpan<char> name)
    {
        var decomposed = name.ToString().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().Trim();
    }
}
