using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Events;

/// <summary>Who makes a statement: the subject of its speech verb. Told after a clause break the verb
/// comes first and its subject after it (", a précisé Matignon", '…, précise la radio', '", said the
/// minister'); otherwise the subject stands before it ("Emmanuel Macron a déclaré"); lacking either, the
/// source a word of the language names ("selon X", "according to X"). A passive verb's subject is its
/// agent ("annoncées par Edouard Philippe"). The speaker is an entity of the
/// sentence, or a role phrase ("le Premier ministre", which resolution gives its holder), when there is
/// one; after an inverted verb, else the words naming it ("la radio"); none when
/// only a pronoun tells it ("a-t-il dit", "Il a précisé"). An entity that a word of the language marks
/// as the outlet or hearer ("à l'AFP", "sur RMC") is not the speaker. Read from the text and the
/// report's entity spans alone, as a stored document gives them.</summary>
public static partial class StatementSpeaker
{
    /// <summary>How many words from its verb a speaker may stand.</summary>
    private const int SpeakerWords = 6;
    /// <summary>How many words after a source word ("selon") its entity may start.</summary>
    private const int SourceWords = 3;
    /// <summary>How many words name a speaker that is no entity ("un conseiller").</summary>
    private const int PhraseWords = 2;

    /// <param name="Entity">The entity mention that is the speaker, one of the report's participants or its place.</param>
    /// <param name="Phrase">Lacking one, the words naming it, lower case.</param>
    public readonly record struct Speaker(TextSpan? Entity, string? Phrase);

    /// <summary>The speaker of a report's first statement, or null when it has none or none is stated.</summary>
    /// <param name="roles">The role phrases of the mention's sentence (<see cref="Resolve.EntityResolver.RolePhrases"/>), in text order.</param>
    public static Speaker? Of(AnalysedDocument document, EventLexicon lexicon, EventMention mention, IReadOnlyList<TextSpan> roles)
    {
        var statement = mention.Triggers.FirstOrDefault(t => lexicon.ClassOf(document.Text.AsSpan(t.Start, t.Length)) == EventLexicon.StatementClass);
        if (statement.Length == 0) return null;
        var sentence = document.Sentences[mention.Sentence].Span;
        var words = Words(document.Text, sentence);
        var first = words.FindIndex(w => w.Span.End > statement.Start);
        var last = words.FindLastIndex(w => w.Span.Start < statement.End);
        if (first < 0 || last < first) return null;
        var mentioned = mention.Place is { } place ? mention.Participants.Append(place) : mention.Participants;
        var entities = mentioned.Concat(roles).ToArray();
        TextSpan? EntityAt(int i) => entities.Select(e => (TextSpan?)e).FirstOrDefault(e => e!.Value.Start < words[i].Span.End && words[i].Span.Start < e.Value.End);
        // An entity after a medium word is the outlet or the hearer ("à l'AFP", "sur RMC").
        bool IsMedium(int i) => i > 0 && lexicon.Media.Contains(words[i - 1].Text);

        // A passive verb's agent ("annoncées par Edouard Philippe").
        if (last + 1 < words.Count && lexicon.Agents.Contains(words[last + 1].Text))
        {
            for (var i = last + 2; i < words.Count && i - last <= SourceWords && !IsBreak(words, i); i++)
                if (EntityAt(i) is { } entity) return new Speaker(entity, null);
        }
        // After a clause break, or after one and an auxiliary (", a précisé"), the verb comes before its subject.
        else if (IsBreak(words, first - 1) || IsBreak(words, first - 2))
        {
            var run = new List<int>();
            for (var i = last + 1; i < words.Count && i - last <= SpeakerWords && !IsBreak(words, i); i++)
            {
                if (EntityAt(i) is { } entity)
                {
                    if (!IsMedium(i)) return new Speaker(entity, null);
                    run.Clear();
                }
                else run.Add(i);
            }
            // No entity: the first words after the outlet or hearer, if any, name the speaker ("à l'AFP une source").
            var named = run.Where(i => !lexicon.Media.Contains(words[i].Text)).Take(PhraseWords).Select(i => words[i].Text).ToArray();
            if (named.Length > 0) return new Speaker(null, string.Join(' ', named));
        }
        else
        {
            for (var i = first - 1; i >= 0 && first - i <= SpeakerWords && !IsBreak(words, i); i--)
                if (EntityAt(i) is { } entity)
                    return IsMedium(i) ? null : new Speaker(entity, null);
        }
        for (var s = 0; s < words.Count; s++)
        {
            if (!lexicon.Sources.Contains(words[s].Text) && !(s + 1 < words.Count && lexicon.Sources.Contains($"{words[s].Text} {words[s + 1].Text}"))) continue;
            for (var i = s + 1; i < words.Count && i - s <= SourceWords && !IsBreak(words, i); i++)
                if (EntityAt(i) is { } entity) return new Speaker(entity, null);
        }
        return null;
    }

    private readonly record struct Word(TextSpan Span, string Text);

    /// <summary>A word (letters and digits, with the apostrophes and hyphens inside it) or a punctuation mark.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}'’\-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]")]
    private static partial Regex WordPattern();

    private static List<Word> Words(string text, TextSpan sentence) =>
        WordPattern().Matches(text.Substring(sentence.Start, sentence.Length))
            .Select(m => new Word(new TextSpan(sentence.Start + m.Index, m.Length), EventLexicon.Normalize(m.Value))).ToList();

    private static bool IsBreak(List<Word> words, int i) => i >= 0 && i < words.Count && EventRecognizer.IsClauseBreak(words[i].Text);
}
