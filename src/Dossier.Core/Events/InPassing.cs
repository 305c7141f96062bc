using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Events;

/// <summary>A happening named in passing, in a time phrase of a clause that tells another ("Cette annonce survient alors
/// que M. Carter effectuait sa quatrième visite en Irak depuis sa prise de fonction en février 2015"): its trigger and the
/// date expression dating it stand in a phrase opened by a word of the language's time phrases (<see cref="EventLexicon.TimePhraseOpeners"/>),
/// after a trigger of another report of the sentence dated otherwise. The rest of the sentence tells that other happening,
/// not this one: its summary line is the phrase alone, and its participants and place only those the phrase names.</summary>
public static class InPassing
{
    /// <summary>The phrase, from the word after its opening word to the end of its clause; null when the report's happening is
    /// not named in passing.</summary>
    public static TextSpan? PhraseOf(AnalysedDocument document, EventMention mention)
    {
        if (mention.Time is not { Inferred: false, Expression: { } date } time || EventLexicon.For(document.Language) is not { } lexicon) return null;
        var text = document.Text;
        var sentence = document.Sentences[mention.Sentence];
        var trigger = mention.Triggers[0];
        var clauseStart = EventSummary.ClauseStart(text, sentence.Span.Start, trigger.Start);
        var opener = -1;
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount && document.Tokens[t].Start < trigger.Start; t++)
            if (document.Tokens[t].Start >= clauseStart && lexicon.TimePhraseOpeners.Contains(document.Tokens[t].ValueIn(text))) opener = t;
        if (opener < 0) return null;
        var phrase = TextSpan.FromBounds(document.Tokens[opener + 1].Start,
            EventSummary.ClauseEnd(text, Math.Max(trigger.End, date.End), sentence.Span.End));
        if (date.Start < phrase.Start || date.End > phrase.End) return null;
        var opening = document.Tokens[opener].Start;
        foreach (var other in document.Events)
            if (other.Sentence == mention.Sentence && other.Triggers[0].End <= opening && other.Time?.Value != time.Value) return phrase;
        return null;
    }
}
