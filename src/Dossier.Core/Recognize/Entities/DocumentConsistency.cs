using System.Text;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Entities;

/// <summary>A mention as token indices into the document's token array: [Start, End).</summary>
public record struct TokenMention(int Start, int End, string Type);

/// <summary>Makes a document's mentions agree with each other, as a reader would: a mention made only
/// of titles is dropped ("Premier" in "Premier ministre"), and so is one made of the word for the people
/// of a place ("les Français", "Parisiens") that makes no known name ("Le Parisien") nor is the surname of a
/// person of the article ("Thierry Breton"); a capitalised organisation head in mid-sentence
/// starts an organisation's name that may go on in lower case ("Forces de mobilisation populaire",
/// see <see cref="NameLexicon"/>); an acronym in
/// parentheses right after a name is a name too ("État islamique (EI)"), typed by the model where
/// it stands, and a name the tagger cut before lower-case words whose initials with its own spell such an
/// acronym goes on to it ("l'Agence régionale de santé (ARS)"); a name or acronym tagged once is tagged wherever else it appears capitalised in the
/// tagged lines; the surname of a person named in full is that person ("Joe Dunford" … "Dunford");
/// the name of a place in a town without its head ("la Concorde" after "place de la Concorde") is
/// that place; and every occurrence of one name gets the type most of its occurrences got, save that
/// an unknown name that starts with a known place and goes on with a capital is named after the
/// place, not it, an unknown name that starts with an organisation's or a place's head word
/// (<see cref="NameLexicon.HeadTypeOf"/>) and is no person takes the type of its head, and an unknown
/// name written as an acronym ("SNJ-CGT") is no place.</summary>
public static class DocumentConsistency
{
    private const int MaxNameTokens = 6;
    private const string Person = "PER";
    private const string Organisation = "ORG";
    private const string Place = "LOC";

    /// <param name="ranges">The token ranges (sentences) that may hold mentions.</param>
    /// <param name="entityTypeAt">The type the model scores best for a token that must start a name.</param>
    public static List<TokenMention> Apply(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, List<TokenMention> mentions,
        Func<int, string> entityTypeAt, NameLexicon? lexicon = null, NameGazetteer? gazetteer = null)
    {
        lexicon ??= NameLexicon.Empty;
        gazetteer ??= NameGazetteer.Empty;
        // A mention made only of titles ("Premier" in "Premier ministre") is not a name.
        mentions = mentions.Where(m => !OnlyTitles(text, tokens, m, lexicon)).ToList();
        mentions = WithoutDemonyms(text, tokens, mentions, lexicon, gazetteer);
        var titlePortfolios = new List<(int Start, int End)>();
        mentions = ApplyPortfolios(text, tokens, ranges, mentions, lexicon, titlePortfolios);
        mentions = WithAcronymLongForms(text, tokens, mentions, lexicon);
        var taken = new bool[tokens.Length];
        foreach (var m in mentions) for (var i = m.Start; i < m.End; i++) taken[i] = true;
        // A portfolio of a person's title stays no mention when its word is tagged elsewhere in the article
        // ("le directeur général de la Santé" does not make "Santé" of "la ministre de la Santé" a name).
        foreach (var (start, end) in titlePortfolios) for (var i = start; i < end; i++) taken[i] = true;
        var result = new List<TokenMention>(mentions);

        // Organisation names headed by a capitalised common noun mid-sentence ("Forces de mobilisation populaire").
        foreach (var (start, end) in ranges)
        {
            for (var i = start + 1; i < end; i++)
            {
                if (taken[i] || !IsTitleCase(tokens[i].ValueIn(text)) || !lexicon.OrganisationHeads.Contains(tokens[i].ValueIn(text).ToString())) continue;
                var last = OrganisationNameEnd(text, tokens, taken, i, end, lexicon);
                if (last - i < 2) continue;
                result.Add(new TokenMention(i, last, Organisation));
                for (var k = i; k < last; k++) taken[k] = true;
                i = last - 1;
            }
        }

        // Acronyms defined in parentheses.
        foreach (var m in mentions)
        {
            var open = m.End;
            if (open + 2 >= tokens.Length || !Is(text, tokens[open], "(") || !Is(text, tokens[open + 2], ")") || taken[open + 1]) continue;
            var candidate = tokens[open + 1].ValueIn(text);
            if (IsAcronym(candidate) && MatchesInitials(candidate, text, tokens, m, lexicon))
            {
                result.Add(new TokenMention(open + 1, open + 2, entityTypeAt(open + 1)));
                taken[open + 1] = true;
            }
        }

        // Names seen tagged: their other capitalised occurrences.
        var names = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            var key = Surface(text, tokens, m.Start, m.End);
            if (!names.TryGetValue(key, out var types)) names[key] = types = new Dictionary<string, int>(StringComparer.Ordinal);
            types[m.Type] = types.GetValueOrDefault(m.Type) + 1;
        }
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            // "la Concorde" after "place de la Concorde": the name of a place in a town without its head,
            // unless it names no one alone ("République" of "place de la République").
            if (m.Type == Place && char.IsLower(text[tokens[m.Start].Start]) && FirstCapitalised(text, tokens, m) is var named and > 0
                && !OnlyTitles(text, tokens, m with { Start = named }, lexicon))
                names.TryAdd(Surface(text, tokens, named, m.End), new Dictionary<string, int>(StringComparer.Ordinal) { [Place] = 1 });
            if (m.Type != Person || m.End - m.Start < 2 || !char.IsUpper(text[tokens[m.End - 1].Start])) continue;
            var surname = tokens[m.End - 1].ValueIn(text).ToString();
            surnames.Add(surname);
            names.TryAdd(surname, new Dictionary<string, int>(StringComparer.Ordinal) { [Person] = 1 });
        }
        var firstWords = names.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var (start, end) in ranges)
        {
            for (var i = start; i < end; i++)
            {
                if (taken[i] || !char.IsUpper(text[tokens[i].Start]) || !firstWords.Contains(tokens[i].ValueIn(text).ToString())) continue;
                for (var length = Math.Min(MaxNameTokens, end - i); length >= 1; length--)
                {
                    var free = true;
                    for (var k = i; k < i + length; k++) free &= !taken[k];
                    if (!free) continue;
                    var key = Surface(text, tokens, i, i + length);
                    if (!names.TryGetValue(key, out var types)) continue;
                    // A single common word tagged once (a capitalised sentence opener) is not worth spreading.
                    if (length == 1 && key.Length < 2) continue;
                    result.Add(new TokenMention(i, i + length, types.MaxBy(t => t.Value).Key));
                    for (var k = i; k < i + length; k++) taken[k] = true;
                    break;
                }
            }
        }

        // "lanceur de balles de défense (LBD)": an acronym the article declares for words in lower
        // case abbreviates a common noun and names no one, wherever it stands in the article.
        var commonAbbreviations = CommonNounAbbreviations(text, tokens, ranges, lexicon);
        if (commonAbbreviations.Count > 0)
            result.RemoveAll(m => m.End - m.Start == 1 && commonAbbreviations.Contains(tokens[m.Start].ValueIn(text).ToString()));

        // One type per name: a known place or organisation keeps its type; else the majority of the
        // tagger's types (a vote each, none for a type the words before rule out: "chez Valneva") and the
        // words before each occurrence ("à Tripoli", "le colonel Kadhafi"; their votes in type-triggers.tsv),
        // ties going to the first occurrence's type.
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        var votes = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            var key = Surface(text, tokens, m.Start, m.End);
            if (!counts.TryGetValue(key, out var types)) counts[key] = types = new Dictionary<string, int>(StringComparer.Ordinal);
            // A name that starts in lower case ("ministère de l'Économie") was typed by its head word.
            var trigger = char.IsLower(text[tokens[m.Start].Start]) ? null
                : gazetteer.TriggerBefore(text, tokens[m.Start].Start, tokens[RangeStart(ranges, m.Start)].Start, lexicon);
            types[m.Type] = types.GetValueOrDefault(m.Type) + (trigger?.RulesOut == m.Type ? 0 : 1);
            if (trigger is { } words) types[words.Type] = types.GetValueOrDefault(words.Type) + words.Votes;
            votes.TryAdd(key, m.Type);
        }
        for (var i = 0; i < result.Count; i++)
        {
            var key = Surface(text, tokens, result[i].Start, result[i].End);
            var types = counts[key];
            var best = votes[key];
            foreach (var (type, count) in types) if (count > types.GetValueOrDefault(best)) best = type;
            if (surnames.Contains(key)) best = Person;
            // "Paris Match", "France Bleu": the place a name starts with made it look like a place.
            if (best == Place && gazetteer.IsNamedAfterPlace(key)) best = Organisation;
            // An acronym names a body far more often than a place, and so does a name that goes on from
            // an acronym or a known organisation ("SUD-Rail", "Unsa-Police", "Unsa Police"); the known
            // places among them are in the gazetteer.
            if (best == Place && NamesABody(key, gazetteer)) best = Organisation;
            best = gazetteer.TypeOf(Resolve.NameKey.Of(key)) ?? (best == Person ? null : lexicon.HeadTypeOf(tokens[result[i].Start].ValueIn(text).ToString())) ?? best;
            result[i] = result[i] with { Type = best };
        }
        return result;
    }

    /// <summary>The mentions less those made of a demonym, after any articles ("les Français"), that is
    /// no known name alone ("Lorraine", the region) or with an article ("Le Parisien", also "au Parisien")
    /// and no surname of a person named in full in the article ("Breton" of "Thierry Breton").</summary>
    private static List<TokenMention> WithoutDemonyms(string text, Token[] tokens, List<TokenMention> mentions, NameLexicon lexicon, NameGazetteer gazetteer)
    {
        if (lexicon.Demonyms.Count == 0) return mentions;
        var surnames = mentions.Where(m => m.Type == Person && m.End - m.Start >= 2).Select(m => tokens[m.End - 1].ValueIn(text).ToString())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return mentions.Where(m => !IsDemonym(m)).ToList();

        bool IsDemonym(TokenMention m)
        {
            var last = LastWord(tokens, m);
            var word = m.Start;
            while (word < last && lexicon.Articles.Contains(tokens[word].ValueIn(text).ToString())) word++;
            var demonym = WithoutFinalPeriod(text, tokens[word]);
            return word == last && lexicon.Demonyms.Contains(demonym) && !surnames.Contains(demonym)
                && !Known(demonym) && !lexicon.Articles.Any(article => Known($"{article} {demonym}"));
        }

        bool Known(string name) => gazetteer.TypeOf(Resolve.NameKey.Of(name)) is not null;
    }

    /// <summary>A name written as an acronym ("CGT"), or one word that starts with an acronym joined by a
    /// hyphen ("SNJ-CGT", "SUD-Rail"), or a name that starts with a known organisation and goes on
    /// ("Unsa-Police", "Unsa Police"), or one whose first word has a capital inside it after a lower-case
    /// letter ("TikTok", "HuffPost", "BlaBlaBus"): the way brands, sites and firms write their names,
    /// almost never places.</summary>
    private static bool NamesABody(string name, NameGazetteer gazetteer)
    {
        if (name.Length < 2) return false;
        var first = name.Split(' ')[0];
        var parts = first.Split('-');
        if (first == name && IsAcronym(parts[0]) || HasInnerCapital(first)) return true;
        var head = parts.Length > 1 ? parts[0] : first;
        return head != name && gazetteer.TypeOf(Resolve.NameKey.Of(head)) == Organisation;
    }

    /// <summary>The first capitalised token of a mention after its first, or -1.</summary>
    private static int FirstCapitalised(string text, Token[] tokens, TokenMention m)
    {
        for (var i = m.Start + 1; i < m.End; i++)
            if (char.IsUpper(text[tokens[i].Start])) return i;
        return -1;
    }

    private static int RangeStart(IReadOnlyList<(int Start, int End)> ranges, int token)
    {
        foreach (var (start, end) in ranges)
            if (token >= start && token < end) return start;
        return token;
    }

    private static bool IsTitleCase(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[1]);

    private static bool OnlyTitles(string text, Token[] tokens, TokenMention m, NameLexicon lexicon)
    {
        if (lexicon.Titles.Count == 0) return false;
        for (var i = m.Start; i < LastWord(tokens, m) + 1; i++)
            if (!lexicon.Titles.Contains(tokens[i].ValueIn(text).ToString()) && !lexicon.Titles.Contains(WithoutFinalPeriod(text, tokens[i]))) return false;
        return true;
    }

    /// <summary>The last token of a mention that is no punctuation: the tagger may end a name on the
    /// period or the quotation mark after it ("le chef de l'État.").</summary>
    private static int LastWord(Token[] tokens, TokenMention m)
    {
        var last = m.End - 1;
        while (last > m.Start && tokens[last].Kind == TokenKind.Punctuation) last--;
        return last;
    }

    /// <summary>A word as written, less a final period the tokenizer left on it ("l'État." at the end of a sentence).</summary>
    private static string WithoutFinalPeriod(string text, Token token) => token.ValueIn(text).TrimEnd('.').ToString();

    /// <summary>Where the name headed at <paramref name="head"/> ends (exclusive): after the head come
    /// capitalised words, at most one adjective (by its ending) after each noun, and linking words
    /// ("de", "pour la") each followed by a noun. A function word, punctuation or a tagged token ends it.</summary>
    private static int OrganisationNameEnd(string text, Token[] tokens, bool[] taken, int head, int end, NameLexicon lexicon)
    {
        bool Usable(int k) => k < end && k - head < MaxNameTokens && !taken[k] && tokens[k].Kind == TokenKind.Word;
        bool Lower(int k) => char.IsLower(text[tokens[k].Start]);
        string Word(int k) => tokens[k].ValueIn(text).ToString();
        var last = head + 1;
        var adjective = true;
        var j = head + 1;
        while (Usable(j))
        {
            if (IsLink(text, tokens[j], lexicon))
            {
                var k = j;
                while (Usable(k) && IsLink(text, tokens[k], lexicon)) k++;
                if (!Usable(k) || (Lower(k) && lexicon.FunctionWords.Contains(Word(k)))) break;
                last = j = k + 1;
                adjective = true;
            }
            else if (!Lower(j)) { last = ++j; adjective = true; }
            else if (adjective && IsAdjective(text, tokens[j], lexicon)) { last = ++j; adjective = false; }
            else break;
        }
        return last;
    }

    /// <summary>"le ministre de l'Économie", "le ministère des Armées": a capitalised portfolio after
    /// its head word and linking words names no one on its own. After a person's title it is no
    /// mention, and a name the tagger glued to it is that person ("le ministre des Armées Florence
    /// Parly"); after an organisation head, the head and the portfolio are one organisation's name
    /// ("le ministère de la Transition écologique").</summary>
    /// <param name="titlePortfolios">Receives the token ranges of the portfolios after a person's title.</param>
    private static List<TokenMention> ApplyPortfolios(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, List<TokenMention> mentions,
        NameLexicon lexicon, List<(int Start, int End)> titlePortfolios)
    {
        if (!lexicon.HasPortfolioWords || mentions.Count == 0) return mentions;
        var startingAt = new Dictionary<int, int>();
        for (var i = 0; i < mentions.Count; i++) startingAt.TryAdd(mentions[i].Start, i);
        var result = new List<TokenMention>(mentions);
        var removed = new HashSet<int>();
        foreach (var (start, end) in ranges)
        {
            for (var head = start; head < end; head++)
            {
                if (lexicon.PortfolioKindOf(tokens[head].ValueIn(text)) is not { } makes || makes == PortfolioJoin) continue;
                var portfolio = head + 1;
                // A nationality may stand between the head and its portfolio ("le ministre allemand de la Santé").
                while (portfolio < end && char.IsLower(text[tokens[portfolio].Start]) && lexicon.Demonyms.Contains(tokens[portfolio].ValueIn(text).ToString())) portfolio++;
                var links = portfolio;
                while (portfolio < end && IsLink(text, tokens[portfolio], lexicon)) portfolio++;
                if (portfolio == links || portfolio >= end || !IsTitleCase(tokens[portfolio].ValueIn(text)) || startingAt.ContainsKey(head)) continue;
                var portfolioEnd = PortfolioEnd(text, tokens, portfolio, end, lexicon);
                // Every mention starting inside the portfolio is a word of it ("l'Action et des
                // Comptes publics"), and what goes on past it is the name it was glued to.
                for (var k = portfolio; k < portfolioEnd; k++)
                {
                    if (!startingAt.TryGetValue(k, out var index)) continue;
                    removed.Add(index);
                    var mention = mentions[index];
                    var name = portfolioEnd;
                    while (name < mention.End && !IsTitleCase(tokens[name].ValueIn(text))) name++;
                    if (name < mention.End) result.Add(new TokenMention(name, mention.End, makes == Organisation ? mention.Type : Person));
                }
                if (makes == Organisation) result.Add(new TokenMention(head, portfolioEnd, Organisation));
                else titlePortfolios.Add((portfolio, portfolioEnd));
                head = Math.Max(head, portfolioEnd - 1);
            }
        }
        return result.Where((_, i) => !removed.Contains(i)).ToList();
    }

    private const string PortfolioJoin = "JOIN";

    private static bool IsLink(string text, Token token, NameLexicon lexicon) =>
        char.IsLower(text[token.Start]) && lexicon.Links.Contains(token.ValueIn(text).ToString());

    /// <summary>A lower-case word, not a function word, with the ending of an adjective ("écologique").</summary>
    private static bool IsAdjective(string text, Token token, NameLexicon lexicon) =>
        char.IsLower(text[token.Start]) && !lexicon.FunctionWords.Contains(token.ValueIn(text).ToString()) && lexicon.LooksAdjectival(token.ValueIn(text).ToString());

    /// <summary>Where a portfolio that starts with a capitalised word ends: it goes on through an
    /// adjective ("Transition écologique"), and through a joining word to another portfolio or
    /// adjective ("Économie et des Finances", "écologique et solidaire"). A linking word alone ends
    /// it ("ministère de la Défense à Bagdad"), and so does a capitalised word right after it, which
    /// starts a name ("Armées Florence Parly").</summary>
    private static int PortfolioEnd(string text, Token[] tokens, int portfolio, int end, NameLexicon lexicon)
    {
        bool Word(int k) => k < end && tokens[k].Kind == TokenKind.Word;
        bool Adjective(int k) => IsAdjective(text, tokens[k], lexicon);
        var last = portfolio + 1;
        while (Word(last) && last - portfolio < MaxNameTokens + 2)
        {
            if (Adjective(last)) { last++; continue; }
            if (lexicon.PortfolioKindOf(tokens[last].ValueIn(text)) != PortfolioJoin) break;
            var next = last + 1;
            while (Word(next) && IsLink(text, tokens[next], lexicon)) next++;
            if (!Word(next) || !IsTitleCase(tokens[next].ValueIn(text)) && !Adjective(next)) break;
            last = next + 1;
        }
        return last;
    }

    /// <summary>The mentions, each that goes on in lower case up to an acronym in brackets spelt by the
    /// initials of the whole run taken as far as the acronym: "l'Agence régionale de santé (ARS)", where
    /// the tagger stopped at "Agence", is one name. Schwartz and Hearst's long form of an abbreviation,
    /// kept to the words after a name, so that the name's start is the tagger's.</summary>
    private static List<TokenMention> WithAcronymLongForms(string text, Token[] tokens, List<TokenMention> mentions, NameLexicon lexicon)
    {
        var starts = new HashSet<int>();
        foreach (var m in mentions) starts.Add(m.Start);
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            var open = m.End;
            while (open < tokens.Length && open - m.Start < MaxNameTokens && !starts.Contains(open) && IsLowerCaseWord(tokens[open].ValueIn(text))) open++;
            if (open == m.End || open + 2 >= tokens.Length || !Is(text, tokens[open], "(") || !Is(text, tokens[open + 2], ")")) continue;
            var acronym = tokens[open + 1].ValueIn(text);
            var longForm = m with { End = open };
            if (IsAcronym(acronym) && !MatchesInitials(acronym, text, tokens, m, lexicon) && MatchesInitials(acronym, text, tokens, longForm, lexicon))
                mentions[n] = longForm;
        }
        return mentions;
    }

    /// <summary>The acronyms declared in brackets right after a run of words all in lower case
    /// whose initials spell them ("organisation non gouvernementale (ONG)").</summary>
    private static HashSet<string> CommonNounAbbreviations(string text, Token[] tokens, IReadOnlyList<(int Start, int End)> ranges, NameLexicon lexicon)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, end) in ranges)
        {
            for (var open = start + 1; open + 2 < end; open++)
            {
                if (!Is(text, tokens[open], "(") || !Is(text, tokens[open + 2], ")")) continue;
                var acronym = tokens[open + 1].ValueIn(text);
                if (!IsAcronym(acronym)) continue;
                for (var first = open - 1; first >= Math.Max(start, open - MaxNameTokens) && IsLowerCaseWord(tokens[first].ValueIn(text)); first--)
                {
                    if (lexicon.Links.Contains(tokens[first].ValueIn(text).ToString())) continue;
                    if (!MatchesInitials(acronym, text, tokens, new TokenMention(first, open, ""), lexicon)) continue;
                    found.Add(acronym.ToString());
                    break;
                }
            }
        }
        return found;
    }

    private static bool IsLowerCaseWord(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLower(word[0]);

    private static bool HasInnerCapital(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++)
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1])) return true;
        return false;
    }

    private static bool Is(string text, Token token, string value) => token.ValueIn(text).SequenceEqual(value);

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 8) return false;
        foreach (var c in word) if (!char.IsUpper(c) && c != '.' && c != '&') return false;
        return true;
    }

    /// <summary>Whether the acronym's letters are initials of the name's words, in order (accents
    /// ignored), with or without the linking words: "EI" for "État islamique", "FMP" for "Forces de
    /// mobilisation populaire", "CNT" for "Conseil national de transition".</summary>
    private static bool MatchesInitials(ReadOnlySpan<char> acronym, string text, Token[] tokens, TokenMention m, NameLexicon lexicon)
    {
        var letters = new StringBuilder();
        foreach (var c in acronym) if (char.IsLetter(c)) letters.Append(Fold(c));
        var initials = new StringBuilder();
        var capitalInitials = new StringBuilder();
        var contentInitials = new StringBuilder();
        for (var i = m.Start; i < m.End; i++)
        {
            var first = text[tokens[i].Start];
            if (!char.IsLetter(first)) continue;
            initials.Append(Fold(first));
            if (char.IsUpper(first)) capitalInitials.Append(Fold(first));
            if (!lexicon.Links.Contains(tokens[i].ValueIn(text).ToString())) contentInitials.Append(Fold(first));
        }
        var target = letters.ToString();
        return target == initials.ToString() || target == capitalInitials.ToString() || target == contentInitials.ToString();
    }

    // Upper-case Latin letters with diacritics and their base letters (the build runs with invariant
    // globalization, where Unicode decomposition is not available).
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒÆ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYOA";

    private static char Fold(char c)
    {
        var upper = char.ToUpperInvariant(c);
        var i = Accented.IndexOf(upper, StringComparison.Ordinal);
        return i < 0 ? upper : Plain[i];
    }

    private static string Surface(string text, Token[] tokens, int start, int end)
    {
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (i > start) builder.Append(' ');
            builder.Append(tokens[i].ValueIn(text));
        }
        return builder.ToString();
    }
}
