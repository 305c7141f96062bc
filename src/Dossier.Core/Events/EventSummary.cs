namespace Dossier.Core.Events;

/// <summary>A one-line summary cut from a report's sentence: the sentence itself when short, else
/// the clauses around the trigger, marked as cut with "…". Only the source's words, in its order.</summary>
public static class EventSummary
{
    public const int MaxLength = 200;
    private const int ContextAfterTrigger = 60;

    public static string Of(EventReport report)
    {
        var document = report.Source;
        var sentence = document.Sentences[report.Mention.Sentence].Span;
        var text = document.Text;
        var trigger = report.Mention.Triggers[0];
        var start = sentence.Start;
        var end = sentence.End;
        if (end - start > MaxLength)
        {
            // Start at the clause holding the trigger when the sentence's opening alone is too long.
            if (trigger.Start - start > MaxLength - ContextAfterTrigger)
                start = ClauseStart(text, start, trigger.Start);
            var cut = ClauseEnd(text, Math.Min(end, Math.Max(trigger.End, start) + ContextAfterTrigger), end);
            end = Math.Min(cut, start + MaxLength);
            // Never half a word.
            if (end < cut && text.LastIndexOf(' ', end - 1, end - start) is var space and > 0) end = space;
        }
        var summary = text[start..end].Trim().Trim('"', '«', '»', ' ', ',', ';', ':');
        return end < sentence.End || start > sentence.Start ? summary + " …" : summary;
    }

    private static int ClauseStart(string text, int sentenceStart, int before)
    {
        for (var i = before - 1; i > sentenceStart; i--)
            if (text[i] is ',' or ';' or ':') return i + 1;
        return sentenceStart;
    }

    private static int ClauseEnd(string text, int from, int sentenceEnd)
    {
        for (var i = from; i < sentenceEnd; i++)
            if (text[i] is ',' or ';' or ':') return i;
        return sentenceEnd;
    }
}
