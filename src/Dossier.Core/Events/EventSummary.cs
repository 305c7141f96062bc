using Dossier.Core.Model;

namespace Dossier.Core.Events;

/// <summary>A one-line summary cut from a report's sentence: the clauses that hold the happening's
/// triggers, opened by the sentence's subject when it stands close before them ("Ashton Carter,
/// chef du Pentagone, a annoncé …"), else by the nearest clause naming a participant, and never
/// just a few words ("…, NOAA said", "Outre ce décès …"); at most
/// <see cref="MaxLength"/> characters, cut at a word. A cut at either end is marked "…", so that a
/// line starting inside its sentence ("… où ils étaient rassemblés") is not read as the sentence's
/// opening. Only the source's words, in its order.</summary>
public static class EventSummary
{
    public const int MaxLength = 160;
    /// <summary>How far before its trigger, in characters, a sentence's opening may stand and still open the summary.</summary>
    private const int LeadLength = 90;
    /// <summary>A clause shorter than this up to its trigger ("NOAA said") takes the clause before it too; one
    /// shorter than this to its end, the clause after it.</summary>
    private const int MinLength = 40;

    public static string Of(EventReport report)
    {
        var document = report.Source;
        var text = document.Text;
        var sentence = document.Sentences[report.Mention.Sentence].Span;
        var mention = report.Mention;
        var main = mention.Triggers[0];
        // A statement framing the happening ("…, a indiqué le ministre") is left out of the line.
        IReadOnlyList<TextSpan> content = mention.Framed ? [main] : mention.Triggers;
        var start = main.Start - sentence.Start <= LeadLength ? sentence.Start : ClauseStart(text, sentence.Start, main.Start);
        var entities = mention.Place is { } place ? mention.Participants.Append(place) : mention.Participants;
        while (start > sentence.Start && (main.Start - start < LeadLength && !entities.Any(e => e.Start >= start && e.Start < main.Start)
                   || main.End - start < MinLength))
            start = ClauseStart(text, sentence.Start, start - 1);
        var end = ClauseEnd(text, content.Max(t => t.End), sentence.End);
        // A clause that closes right after its trigger ("Outre ce décès, …") takes the clause after it too.
        while (end - start < MinLength && !IsSentenceEnd(text, sentence.End, end))
            end = ClauseEnd(text, end + 1, sentence.End);
        var cutBefore = text.AsSpan(sentence.Start, start - sentence.Start).ContainsAnyExcept(Unworded);
        var room = cutBefore ? MaxLength - CutMark.Length : MaxLength;
        if (end - start > room)
        {
            end = start + room;
            // Never half a word.
            if (text.LastIndexOf(' ', end - 1, end - start) is var space && space > start) end = space;
        }
        var summary = text[start..end].Trim().Trim('"', '«', '»', ' ', ',', ';', ':', '(', ')', '-', '–', '—').Trim();
        if (cutBefore) summary = CutMark + summary;
        return end < sentence.End && !IsSentenceEnd(text, sentence.End, end) ? summary + " …" : summary;
    }

    private const string CutMark = "… ";

    /// <summary>What may stand before a summary's first word without it starting inside its sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> Unworded = System.Buffers.SearchValues.Create(" \t\n\"«»()-–—'");

    /// <summary>True when only the sentence's closing punctuation lies between the cut and the sentence's end.</summary>
    private static bool IsSentenceEnd(string text, int sentenceEnd, int cut)
    {
        for (var i = cut; i < sentenceEnd; i++)
            if (!char.IsPunctuation(text[i]) && !char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    private static bool IsClauseMark(char c) => c is ',' or ';' or ':' or '(' or ')' or '«' or '»' or '"' or '–' or '—';

    /// <summary>Where the clause holding position <paramref name="before"/> begins (just after a clause mark).</summary>
    private static int ClauseStart(string text, int sentenceStart, int before)
    {
        for (var i = before - 1; i > sentenceStart; i--)
            if (IsClauseMark(text[i])) return i + 1;
        return sentenceStart;
    }

    private static int ClauseEnd(string text, int from, int sentenceEnd)
    {
        for (var i = from; i < sentenceEnd; i++)
            if (IsClauseMark(text[i])) return i;
        return sentenceEnd;
    }
}
