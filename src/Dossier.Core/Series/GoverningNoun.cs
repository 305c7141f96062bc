using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Entities;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Search;

namespace Dossier.Core.Series;

/// <summary>The word that says what a figure measures, beyond its unit, read in the figure's clause:
/// for a unit that only measures (money, a percentage) the noun it is the measure of, after it
/// ("11 000 euros d'amende", "51,6 % des voix") or before it ("une amende de 11 000 euros", "le
/// versement d'environ 11.000 euros", "des enveloppes contenant de 200 à 2.000 euros"); for a noun
/// that counts (people, soldiers) the participle that qualifies it, after it past auxiliaries and
/// adverbs ("2 226 migrants interceptés", "17.941 personnes sont actuellement hospitalisées"), or its
/// complement ("93 blessés de nationalité française", "1.349 morts du coronavirus en 24 heures"), or
/// the participle before it ("a déjà touché 7 730 personnes"), else the noun it completes ("la mort d'au moins 150
/// personnes", "la prise en charge de 500 blessés"). <see cref="Lemma"/> is the
/// word as the search index analyses it (lower case, no accents, light stemming), so that
/// "interceptés" and "interceptées" are one. A figure with none is measured by its unit alone.</summary>
public readonly record struct GoverningNoun(string Lemma, TextSpan Span)
{
    /// <summary>Adjectives a noun before a figure may carry ("un salaire mensuel de").</summary>
    private const int AdjectivesBefore = 2;

    public static GoverningNoun? Of(AnalysedDocument document, QuantityLexicon lexicon, Quantity quantity)
    {
        var sentence = document.SentenceAt(quantity.Span.Start);
        var clause = new Clause(document, lexicon, NameLexicon.For(document.Language), sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
        var after = clause.First;
        while (after < clause.Last && document.Tokens[after].Start < quantity.Span.End) after++;
        var before = after - 1;
        while (before >= clause.First && document.Tokens[before].End > quantity.Span.Start) before--;
        if (!lexicon.Measures.Contains(quantity.Unit)) return QualifierOfCount(clause, lexicon, after, before);
        if (Complement(clause, lexicon, after, lexicon.Complements) is not { } complement) return NounBefore(clause, lexicon, before);
        // A share of counted people ("56% des personnes interrogées") is a share of what its own
        // qualifier says; "98% des personnes guérissent" and "plus de 50% des personnes en réanimation"
        // name no such thing.
        var (noun, token) = complement;
        if (!clause.IsCount(noun.Span)) return noun;
        return QualifierOfCount(clause, lexicon, token + 1, -1) is { } qualifier
            ? new GoverningNoun($"{noun.Lemma} {qualifier.Lemma}", new TextSpan(noun.Span.Start, qualifier.Span.End - noun.Span.Start))
            : null;
    }

    /// <summary>What tells a counted noun apart, its first token after the count being after (and its
    /// last before it before, -1 for none): a participle after it, past auxiliaries, adverbs and an
    /// aside on a part of it ("250 personnes, dont 21 mineurs, ont été placées en garde à vue"), or its
    /// complement ("3.259 morts sur les routes", "23 blessés parmi les forces de l'ordre"), or the
    /// participle or noun before it.</summary>
    private static GoverningNoun? QualifierOfCount(Clause clause, QuantityLexicon lexicon, int after, int before)
    {
        // A participle tells what happened to those counted ("ont été interceptées", "a déjà touché
        // 7 730 personnes"); an adjective ("soldats américains") says whose they are, which the
        // holder already tells.
        after = clause.PastAside(after, lexicon.Ellipses);
        while (clause.Is(after, lexicon.Auxiliaries) || clause.IsAdverb(after)) after++;
        if (clause.Participle(after) is { } participle) return participle;
        if (Complement(clause, lexicon, after, lexicon.CountComplements) is ({ } complement, _)) return complement;
        var verb = before;
        while (clause.IsAdverb(verb)) verb--;
        return clause.Participle(verb) ?? NounBefore(clause, lexicon, before);
    }

    /// <summary>"d'amende", "des voix", "de nationalité française", "du coronavirus": the noun a
    /// complement after the figure names, maybe after an article, and its token.</summary>
    private static (GoverningNoun Noun, int Token)? Complement(Clause clause, QuantityLexicon lexicon, int after, FrozenSet<string> complements)
    {
        if (!clause.Is(after, complements)) return null;
        var token = clause.Is(after + 1, lexicon.Articles) ? after + 2 : after + 1;
        return clause.Content(token) is { } noun ? (noun, token) : null;
    }

    /// <summary>"une amende de", "le versement d'", "la mort d'": the noun the figure completes, past
    /// the adjectives it may carry ("un salaire mensuel de"); none when that noun names the figure
    /// itself ("an initial estimate of 5,000 barrels", "un bilan de 150 morts").</summary>
    private static GoverningNoun? NounBefore(Clause clause, QuantityLexicon lexicon, int before)
    {
        if (!clause.Is(before, lexicon.Complements) || clause.Content(before - 1) is not { } head) return null;
        for (var word = before - 2; word >= before - 1 - AdjectivesBefore && clause.LooksAdjectival(head.Span) && clause.Content(word) is { } noun; word--)
            head = noun;
        return clause.Is(head.Span, lexicon.FigureNouns) ? null : head;
    }

    /// <summary>The tokens of one sentence, read as function words or content words with their lemma.</summary>
    private readonly ref struct Clause(AnalysedDocument document, QuantityLexicon lexicon, NameLexicon names, int first, int last)
    {
        public int First => first;
        public int Last => last;

        public bool Is(int token, FrozenSet<string> words) =>
            token >= first && token < last && document.Tokens[token].Kind == TokenKind.Word && words.Contains(Text(document.Tokens[token].Start, document.Tokens[token].Length));

        public bool Is(TextSpan word, FrozenSet<string> words) => words.Contains(Text(word.Start, word.Length));

        /// <summary>A word that is a counting unit ("personnes"), not a measure.</summary>
        public bool IsCount(TextSpan word) =>
            lexicon.Units.TryGetValue(Text(word.Start, word.Length), out var unit) && !lexicon.Measures.Contains(unit);

        /// <summary>The token after an aside that names a part of what is counted (", dont 21 mineurs,"),
        /// or the token itself when no such aside starts there.</summary>
        public int PastAside(int token, IReadOnlyList<string> openers)
        {
            if (!IsMark(token, ',') || token + 1 >= last || document.Tokens[token + 1].Kind != TokenKind.Word
                || !openers.Contains(Text(document.Tokens[token + 1].Start, document.Tokens[token + 1].Length), StringComparer.OrdinalIgnoreCase)) return token;
            for (var end = token + 2; end < last; end++)
                if (IsMark(end, ',')) return end + 1;
            return token;
        }

        private bool IsMark(int token, char mark) =>
            token >= first && token < last && document.Tokens[token].Length == 1 && document.Text[document.Tokens[token].Start] == mark;

        public bool IsAdverb(int token) => token >= first && token < last && document.Tokens[token].Kind == TokenKind.Word
            && (EndsWithAny(new TextSpan(document.Tokens[token].Start, document.Tokens[token].Length), lexicon.AdverbEndings)
                || Is(token, lexicon.Adverbs));

        public GoverningNoun? Participle(int token) =>
            Content(token) is { } word && EndsWithAny(word.Span, lexicon.ParticipleEndings) ? word : null;

        private bool EndsWithAny(TextSpan span, IReadOnlyList<string> endings)
        {
            var word = document.Text.AsSpan(span.Start, span.Length);
            foreach (var ending in endings)
                if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        public bool LooksAdjectival(TextSpan span) => names.LooksAdjectival(Text(span.Start, span.Length));

        /// <summary>The token as a governing noun: a word in lower case (a capital starts a name, which
        /// is a holder, not a thing) and no function word; null for anything else, and for punctuation,
        /// which ends the clause.</summary>
        public GoverningNoun? Content(int token)
        {
            if (token < first || token >= last) return null;
            var word = document.Tokens[token];
            if (word.Kind != TokenKind.Word || !char.IsLower(document.Text[word.Start])) return null;
            var text = Text(word.Start, word.Length);
            if (names.FunctionWords.Contains(text) || lexicon.Locatives.Contains(text) || lexicon.Complements.Contains(text)) return null;
            var terms = new List<SearchTerm>(1);
            SearchAnalyzer.For(document.Language).Analyze(document.Text, new TextSpan(word.Start, word.Length), terms);
            return terms.Count == 1 ? new GoverningNoun(terms[0].Term, new TextSpan(word.Start, word.Length)) : null;
        }

        private string Text(int start, int length) => document.Text.Substring(start, length);
    }
}
