using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Corrects where the tagger's names start and stop, as a reader of the news would:
/// - a name stops at a linking word that starts another name: "Kadhafi de Tripoli" is Kadhafi and
///   Tripoli, "Evan Hill d'Al Jazeera" is Evan Hill and Al Jazeera (a person followed by a known
///   name or a name of two words or more; "Charles de Gaulle" stays whole), and a common noun before
///   the link is no name ("bataille de Ramadi", "aéroport international de Bagdad": Ramadi, Bagdad);
///   an organisation head keeps its name whole ("Conseil de sécurité");
/// - a demonym glued before a name is no part of it ("la Suédoise Greta Thunberg" is Greta Thunberg), nor a word
///   that opens a sentence and never a name ("Selon RTL" is RTL);
/// - a news agency inside a longer mention is the agency alone ("Reuters Publié" is Reuters);
/// - a known place or organisation (<see cref="NameGazetteer"/>) is a name wherever it is written
///   with a capital, and replaces the shorter mentions it covers ("Etat" in "groupe Etat islamique");
/// - an acronym (two to six capitals) is a name even when the tagger skips it ("CNT"), unless it is a
///   function word written in capitals ("ET", "DES");
/// - a name after the words that head a place in a town ("place de la République", "rue de Grenelle",
///   place-heads.txt) is that place's name with them, a place;
/// - a lower-case prefix is not part of a name ("anti-État islamique"), nor a final period the
///   tokenizer left on a word that is no abbreviation ("l'Iran. sur", "Le Parisien.").</summary>
public static class NameBoundaries
{
    private const int MaxAcronym = 6;

    /// <param name="entityTypeAt">The type the model scores best for a name starting at a token.</param>
    /// <param name="entityTypeAlone">The same with the words of its sentence before the token unread.</param>
    public static List<TokenMention> Apply(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, List<TokenMention> mentions,
        Func<int, string> entityTypeAt, Func<int, string> entityTypeAlone, NameLexicon lexicon, NameGazetteer gazetteer)
    {
        var result = new List<TokenMention>(mentions.Count);
        var range = 0;
        foreach (var mention in mentions)
        {
            while (range < ranges.Count - 1 && ranges[range].End <= mention.Start) range++;
            var named = WithoutOpener(text, tokens, mention, ranges[range].Start, entityTypeAlone, lexicon, gazetteer);
            Split(text, tokens, WithoutLeadingDemonym(text, tokens, named, entityTypeAlone, lexicon, gazetteer, result), entityTypeAt, lexicon, gazetteer, result);
        }
        AddKnownNames(text, tokens, ranges, result, lexicon, gazetteer);
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        AddPlaceHeads(text, tokens, ranges, result, lexicon, gazetteer);
        return result;
    }

    /// <summary>"place de la République": a name right after the longest place head of the language
    /// (place-heads.txt) starts at the head and is a place. A person ("à la place de Gérard Collomb"),
    /// a known name ("la place de la France") and an acronym ("la mise en place de la CSG") stay as they are.</summary>
    private static void AddPlaceHeads(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, List<TokenMention> mentions,
        NameLexicon lexicon, NameGazetteer gazetteer)
    {
        if (lexicon.PlaceHeads.Count == 0) return;
        var range = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Type == "PER" || gazetteer.LongestAt(text, tokens, mention.Start, mention.End).End == mention.End
                || mention.End - mention.Start == 1 && IsAcronym(tokens[mention.Start].ValueIn(text))) continue;
            while (range < ranges.Count - 1 && ranges[range].End <= mention.Start) range++;
            if (PlaceHeadBefore(text, tokens, mention.Start, ranges[range].Start, lexicon) is { } head)
                mentions[m] = new TokenMention(head, mention.End, "LOC");
        }
    }

    /// <summary>Where the longest place head ending right before a name starts, or null.</summary>
    private static int? PlaceHeadBefore(string text, Token[] tokens, int name, int sentenceStart, NameLexicon lexicon)
    {
        foreach (var head in lexicon.PlaceHeads)
        {
            var start = name - head.Length;
            if (start < sentenceStart) continue;
            var matches = true;
            for (var k = 0; k < head.Length && matches; k++)
                matches = IsLower(text, tokens[start + k]) && WordIs(tokens[start + k].ValueIn(text), head[k]);
            if (matches) return start;
        }
        return null;
    }

    /// <summary>A word as written, compared case-insensitively with either apostrophe.</summary>
    private static bool WordIs(ReadOnlySpan<char> word, string expected)
    {
        if (word.Length != expected.Length) return false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i] == '’' ? '\'' : char.ToLowerInvariant(word[i]);
            if (c != expected[i]) return false;
        }
        return true;
    }

    /// <summary>"« Si Mélenchon ou Ravier a besoin…", "Selon RTL": a word that opens a sentence or a quotation and never
    /// a name (name-openers.txt), which the tagger took into the name after it, is no part of it; the name is typed as
    /// the tagger reads it without that word, unless the gazetteer knows it.</summary>
    private static TokenMention WithoutOpener(string text, Token[] tokens, TokenMention mention, int sentenceStart, Func<int, string> entityTypeAlone,
        NameLexicon lexicon, NameGazetteer gazetteer)
    {
        var rest = mention.Start + 1;
        if (rest >= mention.End || !IsCapitalised(text, tokens[mention.Start]) || !IsCapitalised(text, tokens[rest])
            || !lexicon.Openers.Contains(tokens[mention.Start].ValueIn(text).ToString())
            || mention.Start > sentenceStart && !IsOpeningQuote(tokens[mention.Start - 1].ValueIn(text))) return mention;
        return new TokenMention(rest, mention.End, TypeOf(text, tokens, rest, mention.End, entityTypeAlone(rest), gazetteer));
    }

    private static bool IsOpeningQuote(ReadOnlySpan<char> token) => token is "«" or "\"" or "“";

    /// <summary>"la Suédoise Greta Thunberg", "la Britannique EasyJet": a capitalised demonym (demonyms.txt) the tagger
    /// took into the name after it is no part of that name, which is typed by itself: the gazetteer's type, else the
    /// tagger's when it made it a person or a company, else the tagger's read without the words before it, which made
    /// it the demonym's place or a thing. A demonym that is a known name ("Lorraine", "Suisse") or starts one stays; one
    /// that makes a known name with an article ("au Parisien Jean-Michel Constantin") is that name, added to
    /// <paramref name="result"/>.</summary>
    private static TokenMention WithoutLeadingDemonym(string text, Token[] tokens, TokenMention mention, Func<int, string> entityTypeAlone,
        NameLexicon lexicon, NameGazetteer gazetteer, List<TokenMention> result)
    {
        var rest = mention.Start + 1;
        if (rest >= mention.End || !IsCapitalised(text, tokens[mention.Start]) || !IsCapitalised(text, tokens[rest])) return mention;
        var word = tokens[mention.Start].ValueIn(text).ToString();
        if (!lexicon.Demonyms.Contains(word) || gazetteer.TypeOf(Resolve.NameKey.Of(word)) is not null
            || gazetteer.LongestAt(text, tokens, mention.Start, mention.End).Type is not null) return mention;
        if (lexicon.Articles.Select(article => gazetteer.TypeOf(Resolve.NameKey.Of($"{article} {word}"))).FirstOrDefault(type => type is not null) is { } named)
            result.Add(new TokenMention(mention.Start, rest, named));
        // "le Britannique" names a person or a company: the tagger's type stands when it is one of those.
        var type = mention.Type is "PER" or "ORG" ? mention.Type : entityTypeAlone(rest);
        return new TokenMention(rest, mention.End, TypeOf(text, tokens, rest, mention.End, type, gazetteer));
    }

    private static void Split(string text, Token[] tokens, TokenMention mention, Func<int, string> entityTypeAt, NameLexicon lexicon,
        NameGazetteer gazetteer, List<TokenMention> result)
    {
        for (var k = mention.Start + 1; k < mention.End - 1; k++)
        {
            if (!IsLower(text, tokens[k]) || !lexicon.Links.Contains(tokens[k].ValueIn(text).ToString()) || !IsCapitalised(text, tokens[k + 1])) continue;
            var right = new TokenMention(k + 1, mention.End, TypeOf(text, tokens, k + 1, mention.End, mention.Type, gazetteer));
            if (IsLower(text, tokens[mention.Start]))
            {
                Split(text, tokens, right, entityTypeAt, lexicon, gazetteer, result);
                return;
            }
            var leftIsPerson = mention.Type == "PER" || entityTypeAt(mention.Start) == "PER";
            var rightIsName = gazetteer.LongestAt(text, tokens, k + 1, mention.End).End == mention.End
                || mention.End - (k + 1) >= 2 && !lexicon.Links.Contains(tokens[k + 1].ValueIn(text).ToString());
            if (lexicon.OrganisationHeads.Contains(tokens[mention.Start].ValueIn(text).ToString()) || !leftIsPerson || !rightIsName) break;
            result.Add(new TokenMention(mention.Start, k, "PER"));
            Split(text, tokens, right, entityTypeAt, lexicon, gazetteer, result);
            return;
        }
        // An agency inside a longer mention: the agency alone, after what came before it.
        for (var k = mention.Start; k < mention.End && mention.End - mention.Start > 1; k++)
        {
            var (end, type) = gazetteer.LongestAt(text, tokens, k, mention.End);
            if (type is null || !Languages.LanguageProfile.Agencies.Contains(Phrase(text, tokens, k, end))) continue;
            if (k > mention.Start) result.Add(mention with { End = k });
            result.Add(new TokenMention(k, end, type));
            return;
        }
        result.Add(mention);
    }

    private static string TypeOf(string text, Token[] tokens, int start, int end, string fallback, NameGazetteer gazetteer) =>
        gazetteer.LongestAt(text, tokens, start, end) is var (found, type) && found == end && type is not null ? type : fallback;

    private static void AddKnownNames(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, List<TokenMention> mentions,
        NameLexicon lexicon, NameGazetteer gazetteer)
    {
        var owner = new int[tokens.Length];
        Array.Fill(owner, -1);
        for (var m = 0; m < mentions.Count; m++)
            for (var i = mentions[m].Start; i < mentions[m].End; i++) owner[i] = m;
        var removed = new HashSet<int>();
        var added = new List<TokenMention>();
        foreach (var (start, end) in ranges)
        {
            var shouting = !HasLowerCase(text, tokens, start, end);
            for (var i = start; i < end; i++)
            {
                if (!IsCapitalised(text, tokens[i])) continue;
                var (last, type) = gazetteer.LongestAt(text, tokens, i, end);
                // A word in capitals beside another is a heading in capitals ("LE CONFLIT SYRIEN"), not an acronym.
                var inCapitals = i > start && IsAcronym(tokens[i - 1].ValueIn(text)) || i + 1 < end && IsAcronym(tokens[i + 1].ValueIn(text));
                if (type is null && !shouting && !inCapitals && IsAcronym(tokens[i].ValueIn(text)) && owner[i] < 0 && !lexicon.Titles.Contains(tokens[i].ValueIn(text).ToString())
                    && !lexicon.FunctionWords.Contains(tokens[i].ValueIn(text).ToString()))
                    (last, type) = (i + 1, "ORG");
                if (type is null) continue;
                // Mentions the known name covers give way to it; one that covers the name or crosses it stays.
                var covered = new HashSet<int>();
                var crossed = false;
                for (var k = i; k < last; k++)
                {
                    if (owner[k] < 0) continue;
                    if (mentions[owner[k]].Start < i || mentions[owner[k]].End > last) crossed = true;
                    else covered.Add(owner[k]);
                }
                if (crossed || covered.Count == 1 && mentions[covered.First()].Start == i && mentions[covered.First()].End == last) { i = last - 1; continue; }
                removed.UnionWith(covered);
                added.Add(new TokenMention(i, last, type));
                i = last - 1;
            }
        }
        if (added.Count == 0) return;
        var kept = mentions.Where((_, m) => !removed.Contains(m)).ToList();
        mentions.Clear();
        mentions.AddRange(kept);
        mentions.AddRange(added);
    }

    /// <summary>Where a name starting with this token starts: after a lower-case prefix joined by a
    /// hyphen ("anti-État islamique" is État islamique).</summary>
    public static int StartOf(string text, Token token)
    {
        var word = token.ValueIn(text);
        var hyphen = word.IndexOf('-');
        return char.IsLower(word[0]) && hyphen > 0 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1]) ? token.Start + hyphen + 1 : token.Start;
    }

    /// <summary>Where a name of tokens [<paramref name="start"/>, <paramref name="end"/>) ends: at its last
    /// token that is no punctuation ("Kadhafi ?", "aéroport ."), before a final period left on a word of
    /// two letters or more that is no abbreviation of the language ("Iran." is Iran; "W.", "U.S.",
    /// "Jr." keep theirs).</summary>
    public static int EndOf(string text, Token[] tokens, int start, int end, IReadOnlySet<string> abbreviations)
    {
        var last = end - 1;
        while (last > start && tokens[last].Kind == TokenKind.Punctuation) last--;
        var word = tokens[last].ValueIn(text);
        return word.Length > 2 && word[^1] == '.' && !word[..^1].Contains('.') && !abbreviations.Contains(word.ToString())
            ? tokens[last].End - 1 : tokens[last].End;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > MaxAcronym) return false;
        foreach (var c in word) if (!char.IsUpper(c)) return false;
        return !IsRomanNumeral(word);
    }

    private static bool IsRomanNumeral(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if ("IVXLCDM".IndexOf(c) < 0) return false;
        return true;
    }

    private static bool HasLowerCase(string text, Token[] tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (tokens[i].Kind == TokenKind.Word && char.IsLower(text[tokens[i].Start])) return true;
        return false;
    }

    private static bool IsLower(string text, Token token) => char.IsLower(text[token.Start]);

    private static bool IsCapitalised(string text, Token token) => token.Kind == TokenKind.Word && char.IsUpper(text[token.Start]);

    private static string Phrase(string text, Token[] tokens, int start, int end) =>
        text.Substring(tokens[start].Start, tokens[end - 1].End - tokens[start].Start);
}
