namespace Dossier.Core.Model;

/// <summary>A range of a document's text in UTF-16 code units (C# string indices), as in every
/// annotation layer: the text itself is never rewritten.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";

    /// <summary>Among spans in text order, the index of the last one starting at or before an offset, 0 when
    /// none does (binary search): the line or sentence that may hold the offset.</summary>
    public static int LastStartingAtOrBefore<T>(IReadOnlyList<T> items, Func<T, TextSpan> spanOf, int offset)
    {
        int lo = 0, hi = items.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (spanOf(items[mid]).Start <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
