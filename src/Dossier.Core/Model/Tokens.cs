namespace Dossier.Core.Model;

public enum TokenKind : byte { Word, Number, Punctuation, Symbol }

/// <summary>A token: bounds into the document text, no string until one is asked for.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
    public ReadOnlySpan<char> ValueIn(string text) => text.AsSpan(Start, Length);
}

/// <summary>A sentence: its span and the range of its tokens in the document's token array.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount);
