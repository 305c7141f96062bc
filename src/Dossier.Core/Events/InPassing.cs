using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Events;

/// <summary>A happening named in passing, in a time phrase of a clause that tells something else ("Cette annonce survient alors
/// que M. Carter effectuait sa quatrième visite en Irak depuis sa prise de fonction en février 2015", "L'Espagne est
/// relativement épargnée depuis le terrible attentat de la gare d'Atocha le 11 mars 2004"): its trigger and the date expression
/// dating it stand in one clause of a phrase opened by a word of the language's time phrases (<see cref="EventLexicon.TimePhraseOpeners"/>),
/// after words of its sentence. The rest of the sentence tells that something else, not this happening, and read with its date,
/// would be taken for it: the happening's summary line is the phrase alone. Its participants stay the sentence's: merging
/// compares events by them ("BP … an April 20 explosion at a rig" is the explosion other articles tell with BP).</summary>
public static class InPassing
{
    /// <summary>The phrase, from the word after its opening word to the end of its trigger's clause; null when the report's
    /// happening is not named in passing.</summary>
    public static TextSpan? PhraseOf(AnalysedDocument document, EventMention mention)
    {
        if (mention.Time is not { Inferred: false, Expression: { } date } || EventLexicon.For(document.Language) is not { } lexicon) return null;
        var text = document.Text;
        var tokens = document.Tokens;
        var sentence = document.Sentences[mention.Sentence];
        var trigger = mention.Triggers[0];
        var clauseStart = EventSummary.ClauseStart(text, sentence.Span.Start, trigger.Start);
        int opener = -1, words = 0, before = 0;
        // The last opening word of the trigger's clause, a word of its own ("après", not the end of "d'après").
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount && tokens[t].Start < trigger.Start; t++)
        {
            if (tokens[t].Kind == TokenKind.Word) words++;
            if (tokens[t].Start >= clauseStart && (t == sentence.FirstToken || tokens[t - 1].End < tokens[t].Start || tokens[t - 1].Kind != TokenKind.Word)
                && lexicon.TimePhraseOpeners.Contains(tokens[t].ValueIn(text)))
                (opener, before) = (t, words - 1);
        }
        if (opener < 0 || before == 0 || !OpensNounPhraseOrClause(text, tokens[opener + 1], lexicon)) return null;
        var phrase = TextSpan.FromBounds(tokens[opener + 1].Start, EventSummary.ClauseEnd(text, trigger.End, sentence.Span.End));
        return date.Start >= phrase.Start && date.End <= phrase.End && (date.Start >= trigger.Start || Premodifies(document, sentence, date, trigger)) ? phrase : null;
    }

    /// <summary>Whether the phrase opens with a determiner standing for one possessor ("après son arrestation"), who is then
    /// named before it ("la défense d'Abdeslam après son arrestation à Bruxelles le 18 mars 2016").</summary>
    public static bool OpensWithPossessive(AnalysedDocument document, EventMention mention, TextSpan phrase)
    {
        if (EventLexicon.For(document.Language) is not { } lexicon) return false;
        var sentence = document.Sentences[mention.Sentence];
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            if (document.Tokens[t].Start == phrase.Start)
                return lexicon.Possessives.Contains(EventLexicon.Normalize(document.Tokens[t].ValueIn(document.Text)));
        return false;
    }

    /// <summary>Whether the word after the opening word starts a noun phrase ("depuis sa prise de fonction") or a clause with its own
    /// subject, a name ("after Obama took office"): any other word starts a verb's phrase ("après avoir annoncé son retrait
    /// dimanche", "after arriving"), whose subject stands in the rest of the sentence, and the phrase alone would lose who acted.</summary>
    private static bool OpensNounPhraseOrClause(string text, Token next, EventLexicon lexicon) =>
        next.Kind == TokenKind.Word && (char.IsUpper(text[next.Start]) || lexicon.Determiners.Contains(EventLexicon.Normalize(next.ValueIn(text))));

    /// <summary>Whether a date before the trigger is of its noun phrase, only words of the language that are no stopwords between
    /// them ("the 1989 Exxon Valdez disaster"), not what the opening word starts from ("depuis au moins 2015 et son attaque").</summary>
    private static bool Premodifies(AnalysedDocument document, Sentence sentence, TextSpan date, TextSpan trigger)
    {
        var stopwords = Languages.LanguageProfile.Get(document.Language).Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount && document.Tokens[t].Start < trigger.Start; t++)
            if (document.Tokens[t].Start >= date.End && (document.Tokens[t].Kind != TokenKind.Word || stopwords.Contains(document.Tokens[t].ValueIn(document.Text))))
                return false;
        return true;
    }
}
