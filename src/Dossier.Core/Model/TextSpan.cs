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
}
