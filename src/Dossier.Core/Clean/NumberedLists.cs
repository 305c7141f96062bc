using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Languages;

namespace Dossier.Core.Clean;

/// <summary>The numbered lists of an article ("1. What do you call an ant who fights crime?",
/// "2. What is fast, loud and crunchy?", … "317. …"): items numbered one after the other, every few
/// lines. Their lines are short (a question, its answer, the child who told it) and read as page
/// furniture by their shape; the numbering says they are the article's.</summary>
public static partial class NumberedLists
{
    /// <summary>Items that make a list: a page's few numbered links ("1. Home") are not one.</summary>
    private const int MinItems = 5;

    /// <summary>Most non-blank lines between two items: an item's answer, credit and caption.</summary>
    private const int MaxLinesBetweenItems = 6;

    /// <summary>For each line, whether it is in a numbered list of content lines.</summary>
    public static bool[] Find(string[] texts, LineKind[] kinds)
    {
        var items = new List<int>();
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < texts.Length; i++)
        {
            if (kinds[i] != LineKind.Content || ItemNumber().Match(texts[i]) is not { Success: true } item) continue;
            items.Add(i);
            numbers[i] = int.Parse(item.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }
        var inList = new bool[texts.Length];
        foreach (var (start, end) in MarkerRuns.Find(kinds, items, MinItems, MaxLinesBetweenItems, (a, b) => numbers[b] == numbers[a] + 1))
            Array.Fill(inList, true, start, end - start + 1);
        return inList;
    }

    /// <summary>A number opening the line, its period or parenthesis, then words: "12. What did the
    /// Dalmatian say after lunch?", "3.Charlotte Jones Anderson", "4) …".</summary>
    [GeneratedRegex(@"^\s*(\d{1,3})[.)]\s?\p{L}", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex ItemNumber();
}
