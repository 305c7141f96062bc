namespace Dossier.Core.Recognize.Time;

/// <summary>Whole-word search in short texts, case-insensitive.</summary>
internal static class TextSearch
{
    /// <summary>Where <paramref name="words"/> occurs in <paramref name="text"/> with no letter or digit glued to either end, or -1.</summary>
    public static int IndexOfWord(ReadOnlySpan<char> text, ReadOnlySpan<char> words)
    {
        var from = 0;
        while (from <= text.Length - words.Length)
        {
            var at = text[from..].IndexOf(words, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            at += from;
            var end = at + words.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>Whether <paramref name="text"/> ends with <paramref name="phrase"/> with no letter glued
    /// before it ("… Jeux d'" ends with "d'"); <paramref name="start"/> is where the phrase starts.</summary>
    public static bool EndsWithPhrase(ReadOnlySpan<char> text, ReadOnlySpan<char> phrase, out int start)
    {
        start = text.Length - phrase.Length;
        return text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase) && (start == 0 || !char.IsLetter(text[start - 1]));
    }

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="phrase"/> with no letter glued after it ("plus tard, …").</summary>
    public static bool StartsWithPhrase(ReadOnlySpan<char> text, ReadOnlySpan<char> phrase) =>
        text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && (text.Length == phrase.Length || !char.IsLetter(text[phrase.Length]));

    public static bool ContainsWord(ReadOnlySpan<char> text, ReadOnlySpan<char> words) => IndexOfWord(text, words) >= 0;

    /// <summary>Whether <paramref name="text"/> ends with <paramref name="words"/> standing as a word
    /// (then only spaces or a hyphen): "… fin " ends with "fin", "la mi-" with "la mi".</summary>
    public static bool EndsWithWord(ReadOnlySpan<char> text, ReadOnlySpan<char> words, out int start)
    {
        var trimmed = text.TrimEnd(' ');
        if (trimmed.Length < text.Length || (trimmed.Length > 0 && trimmed[^1] == '-' && trimmed.Length == text.Length))
        {
            if (trimmed.Length == text.Length) trimmed = trimmed[..^1];
            if (trimmed.EndsWith(words, StringComparison.OrdinalIgnoreCase))
            {
                start = trimmed.Length - words.Length;
                if (start == 0 || !char.IsLetterOrDigit(trimmed[start - 1])) return true;
            }
        }
        start = -1;
        return false;
    }
}
