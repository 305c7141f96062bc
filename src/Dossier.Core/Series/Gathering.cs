using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;

namespace Dossier.Core.Series;

/// <summary>The gathering a count of people was made at, as the movement or cause it is for: the word
/// completing a gathering noun ("la marche pour le climat": "climat"; "la mobilisation contre la réforme
/// des retraites": "réforme"), read past an act's number and a gathering completing another ("l'acte 3
/// de la mobilisation des gilets jaunes": "gilets", the movement, not the act), in the figure's sentence,
/// else the title, else the first the article names. Two gatherings' counts of one place are two things.</summary>
public static class Gathering
{
    /// <summary>The gathering named first in a text, lower-cased, or null.</summary>
    public static string? In(string language, ReadOnlySpan<char> text)
    {
        if (QuantityLexicon.For(language) is not { } lexicon) return null;
        var stopwords = Languages.LanguageProfile.Get(language).Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        var gatherings = lexicon.Gatherings.GetAlternateLookup<ReadOnlySpan<char>>();
        var completers = lexicon.GatheringComplements.GetAlternateLookup<ReadOnlySpan<char>>();
        var articles = lexicon.Articles.GetAlternateLookup<ReadOnlySpan<char>>();
        // 0: looking for a gathering noun; 1: after one (its number may follow); 2: after its complement word.
        var state = 0;
        for (var at = 0; Next(text, ref at) is var (start, length);)
        {
            var word = text.Slice(start, length);
            if (gatherings.Contains(word)) { state = 1; continue; }
            if (state == 1 && char.IsAsciiDigit(word[0]) && length <= 3) continue;
            if (state == 1 && completers.Contains(word)) { state = 2; continue; }
            if (state == 2 && articles.Contains(word)) continue;
            // "des rassemblements de plus de 10 personnes" name no movement.
            if (state == 2 && char.IsLetter(word[0]) && !stopwords.Contains(word)) return word.ToString().ToLowerInvariant();
            state = 0;
        }
        return null;
    }

    /// <summary>The next word from <paramref name="at"/> (letters and digits, an elided one with its
    /// apostrophe: "l'", "d'"), or a mark other than a quote as a word of its own; null at the end.</summary>
    private static (int Start, int Length)? Next(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] is '"' or '«' or '»' or '“' or '”')) at++;
        if (at >= text.Length) return null;
        var start = at;
        if (!char.IsLetterOrDigit(text[at])) return (start, ++at - start);
        while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] == '-')) at++;
        if (at < text.Length && text[at] is '\'' or '’') at++;
        return (start, at - start);
    }
}
