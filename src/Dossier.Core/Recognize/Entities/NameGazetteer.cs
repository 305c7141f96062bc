using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Places and organisations of one language whose type is known (&lt;lang&gt;/gazetteer.tsv,
/// plus the news agencies of common/agencies.txt as organisations), which are also looked for in the
/// text; names whose type is known but which are not looked for, only typed where the tagger finds
/// them (&lt;lang&gt;/typed-names.tsv: "Covid", "Aïd"); and the words before a name that vote for its
/// type, with how many votes (&lt;lang&gt;/type-triggers.tsv). Names are compared by their
/// <see cref="NameKey"/>, so accents, case and hyphens do not matter.</summary>
public sealed class NameGazetteer
{
    public const int MaxWords = 6;
    private static readonly ConcurrentDictionary<string, NameGazetteer> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every known name's type.</summary>
    private readonly FrozenDictionary<string, string> _types;
    /// <summary>The names looked for in the text (gazetteer.tsv), a subset of <see cref="_types"/>.</summary>
    private readonly FrozenDictionary<string, string> _found;
    private readonly FrozenDictionary<string, TypeTrigger> _triggers;

    /// <param name="names">Names looked for in the text, with their type.</param>
    /// <param name="triggers">Words before a name that vote for its type.</param>
    /// <param name="typedNames">Names typed where the tagger finds them, not looked for.</param>
    public NameGazetteer(IEnumerable<(string Name, string Type)> names, IEnumerable<(string Phrase, TypeTrigger Trigger)> triggers,
        IEnumerable<(string Name, string Type)>? typedNames = null)
    {
        var found = ByKey(names);
        _found = found.ToFrozenDictionary(StringComparer.Ordinal);
        // A name in both files is looked for: a typed name only adds what the gazetteer lacks.
        var types = ByKey(typedNames ?? []);
        foreach (var (key, type) in found) types[key] = type;
        _types = types.ToFrozenDictionary(StringComparer.Ordinal);
        _triggers = triggers.GroupBy(t => t.Phrase.ToLowerInvariant(), StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last().Trigger, StringComparer.Ordinal);
    }

    /// <summary>Names by their key; a later line wins, so that the user's files (read after the shipped ones) can correct them.</summary>
    private static Dictionary<string, string> ByKey(IEnumerable<(string Name, string Type)> names)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in names)
            if (NameKey.Of(name) is { Length: > 0 } key) types[key] = type;
        return types;
    }

    public static NameGazetteer Empty { get; } = new([], []);

    public static NameGazetteer For(string language) => Loaded.GetOrAdd(language, code => new NameGazetteer(
        LanguageData.ReadColumns(code, "gazetteer.tsv", 2).Select(c => (c[1], c[0]))
            .Concat(LanguageData.ReadLines("common", "agencies.txt").Select(a => (a, "ORG"))),
        LanguageData.ReadExtendedLines(code, "type-triggers.tsv").Select(Trigger),
        LanguageData.ReadColumns(code, "typed-names.tsv", 2).Select(c => (c[1], c[0]))));

    /// <summary>A row of type-triggers.tsv: "phrase&lt;TAB&gt;type&lt;TAB&gt;votes", votes a whole number above zero, and
    /// optionally "&lt;TAB&gt;type ruled out".</summary>
    public static (string Phrase, TypeTrigger Trigger) Trigger((string Origin, int Number, string Text) row) =>
        row.Text.Split('\t') is [var phrase, var type, var votes, .. var rest] && rest.Length <= 1 && (rest.Length == 0 || rest[0].Length > 0)
        && int.TryParse(votes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? (phrase, new TypeTrigger(type, count, rest.Length == 1 ? rest[0] : null))
            : throw new InvalidDataException($"{row.Origin}:{row.Number}: expected 'phrase<TAB>type<TAB>votes[<TAB>type ruled out]', got '{row.Text}'");

    /// <summary>The type of a name (given as its <see cref="NameKey"/>), looked for or only typed, or null when unknown.</summary>
    public string? TypeOf(string nameKey) => _types.GetValueOrDefault(nameKey);

    /// <summary>Whether a name of several words starts with a known place and goes on with a word in
    /// capitals or a number ("Paris Match", "France Bleu", "France 3"), so that the place it is named
    /// after, not the name, is what looks like a place. A place of several words that starts so is in
    /// the gazetteer ("Mexico City"), which is asked first.</summary>
    public bool IsNamedAfterPlace(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var known = 1; known < Math.Min(words.Length, MaxWords); known++)
            if (_types.GetValueOrDefault(NameKey.Of(string.Join(' ', words[..known]))) == "LOC")
                return char.IsUpper(words[known][0]) || char.IsDigit(words[known][0]);
        return false;
    }

    /// <summary>The longest name looked for (gazetteer.tsv) starting at token <paramref name="start"/> and
    /// ending before <paramref name="end"/>: its end (exclusive) and type, or (start, null). A known name
    /// may end with a number ("Europe 1", "France 24").</summary>
    public (int End, string? Type) LongestAt(string text, Token[] tokens, int start, int end)
    {
        var found = (start, (string?)null);
        if (_found.Count == 0) return found;
        var phrase = new StringBuilder();
        for (var j = start; j < Math.Min(end, start + MaxWords); j++)
        {
            if (j > start) phrase.Append(' ');
            phrase.Append(tokens[j].ValueIn(text));
            if (tokens[j].Kind is TokenKind.Word or TokenKind.Number && _found.TryGetValue(NameKey.Of(phrase.ToString()), out var type)) found = (j + 1, type);
        }
        return found;
    }

    /// <summary>The type the word or two written right before a mention vote for ("à", "ville de", "M.")
    /// with how many votes and the type they rule out ("chez"), or null; one adjective may stand between words in lower case and the name ("le
    /// groupe chinois ByteDance", "le laboratoire américain Gilead": a demonym or a word with an
    /// adjective's ending, <see cref="NameLexicon"/>), not after a name ("la Banque mondiale David Malpass"). Read from the text alone, so that a stored document needs no
    /// tokens: words are parted by white space, an elided article keeps its apostrophe ("d'"), a final
    /// period stays on its word ("M."), and any other character, or <paramref name="rangeStart"/>, ends
    /// the search.</summary>
    /// <param name="mentionStart">Where the mention starts in the text.</param>
    /// <param name="rangeStart">Where its sentence or line starts: no word before it is read.</param>
    public TypeTrigger? TriggerBefore(string text, int mentionStart, int rangeStart, NameLexicon lexicon)
    {
        if (_triggers.Count == 0 || WordBefore(text, mentionStart, rangeStart) is not var (start, end)) return null;
        var headStart = start;
        var trigger = TriggerEndingWith(text, start, end, rangeStart);
        if (trigger is null)
        {
            var word = text[start..end];
            if (!char.IsLower(word[0]) || !(lexicon.Demonyms.Contains(word) || lexicon.LooksAdjectival(word))
                || WordBefore(text, start, rangeStart) is not var (before, beforeEnd) || !char.IsLower(text[before])) return null;
            headStart = before;
            trigger = TriggerEndingWith(text, before, beforeEnd, rangeStart);
        }
        // "le directeur de l'hebdomadaire Riss", "le patron du parti Laurent Wauquiez": a head noun that completes a
        // person's title names the title's organisation; the name after it may be the person as well as the
        // organisation ("le directeur de la compagnie Air France"), so it says nothing of the name.
        return trigger is { Type: not "PER" } && CompletesTitle(text, headStart, rangeStart, lexicon) ? null : trigger;
    }

    /// <summary>Whether the words before <paramref name="headStart"/> are a person's title (a PER row of
    /// type-triggers.tsv) and a link word or two ("de l'", "du"): "le directeur de l'|hebdomadaire".</summary>
    private bool CompletesTitle(string text, int headStart, int rangeStart, NameLexicon lexicon)
    {
        var position = headStart;
        for (var links = 0; ; links++)
        {
            if (WordBefore(text, position, rangeStart) is not var (start, end)) return false;
            if (links == 2 || !lexicon.Links.Contains(Lower(text.AsSpan(start, end - start))))
                return links > 0 && TriggerEndingWith(text, start, end, rangeStart) is { Type: "PER" };
            position = start;
        }
    }

    /// <summary>The trigger made of the word at [<paramref name="start"/>, <paramref name="end"/>), alone or after the word before it.</summary>
    private TypeTrigger? TriggerEndingWith(string text, int start, int end, int rangeStart)
    {
        var one = Lower(text.AsSpan(start, end - start));
        if (WordBefore(text, start, rangeStart) is var (twoStart, twoEnd))
        {
            var two = Lower(text.AsSpan(twoStart, twoEnd - twoStart));
            if (_triggers.TryGetValue($"{two} {one}", out var trigger)) return trigger;
            if (_triggers.TryGetValue(two + one, out trigger)) return trigger;
        }
        return _triggers.TryGetValue(one, out var single) ? single : null;
    }

    /// <summary>The word written right before <paramref name="position"/> (after any spaces), or null.</summary>
    private static (int Start, int End)? WordBefore(string text, int position, int rangeStart)
    {
        var end = position;
        while (end > rangeStart && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        if (start > rangeStart && text[start - 1] is '\'' or '’' or '.') start--;
        while (start > rangeStart && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '-')) start--;
        return start < end && char.IsLetterOrDigit(text[start]) ? (start, end) : null;
    }

    private static string Lower(ReadOnlySpan<char> word) => word.ToString().ToLowerInvariant().Replace('’', '\'');
}

/// <summary>What the words before a name say of its type (a row of type-triggers.tsv): the type they vote for, with
/// how many votes, and the type they rule out, whose vote by the tagger at that mention does not count ("chez Valneva"
/// names a company or a person, never a place), or null.</summary>
public readonly record struct TypeTrigger(string Type, int Votes, string? RulesOut);
