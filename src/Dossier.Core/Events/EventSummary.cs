using Dossier.Core.Model;

namespace Dossier.Core.Events;

/// <summary>A one-line summary cut from a report's sentence: the clauses that hold the happening's
/// triggers, opened by the sentence's subject when it stands close before them ("Ashton Carter,
/// chef du Pentagone, a annoncé …"), else by the nearest clause naming a participant, and never
/// just a few words ("…, NOAA said", "Outre ce décès …"), and followed by the whole clauses after them
/// that still fit; never a photo credit glued before the sentence; at most
/// <see cref="MaxLength"/> characters, cut at a word. A cut at either end is marked "…", so that a
/// line starting inside its sentence ("… où ils étaient rassemblés") is not read as the sentence's
/// opening. A happening named in passing in a time phrase of another's clause has that phrase alone
/// (<see cref="InPassing"/>: "… sa prise de fonction en février 2015."). Only the source's words, in its order.</summary>
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
        var opening = AfterCredit(text, sentence.Start, main.Start);
        if (InPassing.PhraseOf(document, mention) is { } phrase) return Line(text, sentence, opening, phrase.Start, phrase.End);
        var start = main.Start - opening <= LeadLength ? opening : ClauseStart(text, opening, main.Start);
        var entities = mention.Place is { } place ? mention.Participants.Append(place) : mention.Participants;
        while (start > opening && (main.Start - start < LeadLength && !entities.Any(e => e.Start >= start && e.Start < main.Start)
                   || main.End - start < MinLength))
            start = ClauseStart(text, opening, start - 1);
        // A sentence of one clause too long to hold its trigger within one line opens a few words before the trigger
        // ("… to dive 1,500 metres … to try to activate"). Where clauses were looked through, the line keeps the one that
        // says the news, be its trigger left out ("British shareholders are to join …, the Guardian has learned").
        if (main.End - start > MaxLength && ClauseStart(text, opening, main.Start) == opening)
        {
            var from = Math.Max(opening, main.Start - LeadLength);
            start = text.IndexOf(' ', from, main.Start - from) is var space and >= 0 ? space + 1 : main.Start;
        }
        var room = Room(StartsInside(text, opening, start));
        var end = ClauseEnd(text, content.Max(t => t.End), sentence.End);
        // A clause that closes right after its trigger ("Outre ce décès, …") takes the clause after it too.
        while (end - start < MinLength && !IsSentenceEnd(text, sentence.End, end))
            end = ClauseEnd(text, end + 1, sentence.End);
        // A line with room left takes the whole clauses after it that fit, which say what the happening came to
        // ("BP 's chairman has been asked to meet Barack Obama next week, amid assurances …"); a framing statement stays out.
        while (!mention.Framed && !IsSentenceEnd(text, sentence.End, end))
        {
            var next = ClauseEnd(text, end + 1, sentence.End);
            // A quotation the line opens closes within it (les "gilets jaunes").
            if (next < sentence.End && ClosesQuotation(text, start, next)) next++;
            if (next - start > room) break;
            end = next;
        }
        return Line(text, sentence, opening, start, end);
    }

    /// <summary>The line of the sentence's text from <paramref name="start"/> to <paramref name="end"/>, cut at a word to fit,
    /// each end marked "…" where the sentence goes on past it.</summary>
    private static string Line(string text, TextSpan sentence, int opening, int start, int end)
    {
        var inside = StartsInside(text, opening, start);
        var room = Room(inside);
        if (end - start > room)
        {
            end = start + room;
            // Never half a word.
            if (text.LastIndexOf(' ', end - 1, end - start) is var space && space > start) end = space;
        }
        var summary = Trimmed(text.AsSpan(start, end - start));
        if (inside) summary = CutMark + summary;
        return end < sentence.End && !IsSentenceEnd(text, sentence.End, end) ? summary + " …" : summary;
    }

    /// <summary>Whether a line from <paramref name="start"/> starts after words of its sentence.</summary>
    private static bool StartsInside(string text, int opening, int start) => text.AsSpan(opening, start - opening).ContainsAnyExcept(Unworded);

    /// <summary>How many characters a line may hold: fewer when it starts inside its sentence, for the mark saying so.</summary>
    private static int Room(bool startsInside) => startsInside ? MaxLength - CutMark.Length : MaxLength;

    private const string CutMark = "… ";

    private static readonly System.Buffers.SearchValues<char> EdgeMarks = System.Buffers.SearchValues.Create("\"«» \t\n,;:()-–—");

    /// <summary>The line without the marks and spaces at its ends, save the quote marks of a quotation it holds
    /// ("… des "gilets jaunes"", « … »).</summary>
    private static string Trimmed(ReadOnlySpan<char> line)
    {
        var from = line.IndexOfAnyExcept(EdgeMarks);
        if (from < 0) return "";
        var to = line.LastIndexOfAnyExcept(EdgeMarks) + 1;
        ReadOnlySpan<char> head = line[..from], body = line[from..to], tail = line[to..];
        if (body.Count('"') % 2 == 1)
        {
            if (head.LastIndexOf('"') is var opened and >= 0) return string.Concat(head[opened..], body);
            if (tail.IndexOf('"') is var closed and >= 0) return string.Concat(body, tail[..(closed + 1)]);
        }
        var balance = body.Count('«') - body.Count('»');
        if (balance < 0 && head.LastIndexOf('«') is var opening and >= 0) return string.Concat(head[opening..], body);
        if (balance > 0 && tail.IndexOf('»') is var closing and >= 0) return string.Concat(body, tail[..(closing + 1)]);
        return body.ToString();
    }

    /// <summary>Whether the quote mark at <paramref name="mark"/> closes a quotation opened since <paramref name="start"/>.</summary>
    private static bool ClosesQuotation(string text, int start, int mark)
    {
        var before = text.AsSpan(start, mark - start);
        return text[mark] switch
        {
            '"' => before.Count('"') % 2 == 1,
            '»' => before.Count('«') > before.Count('»'),
            _ => false,
        };
    }

    /// <summary>What may stand before a summary's first word without it starting inside its sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> Unworded = System.Buffers.SearchValues.Create(" \t\n\"«»()-–—'");

    /// <summary>True when only the sentence's closing punctuation lies between the cut and the sentence's end.</summary>
    private static bool IsSentenceEnd(string text, int sentenceEnd, int cut)
    {
        for (var i = cut; i < sentenceEnd; i++)
            if (!char.IsPunctuation(text[i]) && !char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    /// <summary>Where a sentence's own words begin: after the last photo credit glued before its trigger, when
    /// the line break between a caption and the article was lost ("Photograph : Gerald Herbert/AP Underwater
    /// robots dived …"). A credit is capitalised names joined by a slash ending in a news or picture agency
    /// ("Stephane Jourdain/AFP/Getty Images"), a capitalised word following it: a name after the slash
    /// ("REUTERS/Carlos Barria", "Tony Hayward/Michael Caine") is no credit's end. A slash may come escaped ("\/"),
    /// as in text copied out of JSON.</summary>
    private static int AfterCredit(string text, int sentenceStart, int trigger)
    {
        var opening = sentenceStart;
        for (var slash = text.IndexOf('/', sentenceStart, trigger - sentenceStart); slash >= 0;
             slash = slash + 1 < trigger ? text.IndexOf('/', slash + 1, trigger - slash - 1) : -1)
        {
            if (slash <= sentenceStart + 1) continue;
            var before = text[slash - 1] == '\\' ? slash - 2 : slash - 1;
            if (before <= sentenceStart || !char.IsLetter(text[before]) || !char.IsUpper(text[WordStart(text, sentenceStart, before)])
                || slash + 1 >= trigger || !char.IsUpper(text[slash + 1])) continue;
            var end = Math.Max(AgencyEnd(text, slash + 1, trigger, Languages.LanguageProfile.Agencies),
                AgencyEnd(text, slash + 1, trigger, Languages.LanguageProfile.PictureAgencies));
            if (end < 0) continue;
            var next = end;
            while (next < trigger && char.IsWhiteSpace(text[next])) next++;
            if (next > end && next <= trigger && char.IsUpper(text[next])) opening = next;
        }
        return opening;
    }

    /// <summary>Where the longest of <paramref name="agencies"/> named at <paramref name="from"/> ends, a space following; -1 when none is.</summary>
    private static int AgencyEnd(string text, int from, int trigger, IEnumerable<string> agencies)
    {
        var end = -1;
        foreach (var agency in agencies)
            if (from + agency.Length < trigger && text.AsSpan(from).StartsWith(agency, StringComparison.OrdinalIgnoreCase)
                && char.IsWhiteSpace(text[from + agency.Length]))
                end = Math.Max(end, from + agency.Length);
        return end;
    }

    private static int WordStart(string text, int sentenceStart, int within)
    {
        while (within > sentenceStart && !char.IsWhiteSpace(text[within - 1])) within--;
        return within;
    }

    /// <summary>Whether the character at <paramref name="i"/> closes a clause: not a comma inside a number ("5,000", "1,5").</summary>
    private static bool IsClauseMark(string text, int i) => text[i] switch
    {
        ',' => i == 0 || i + 1 == text.Length || !char.IsDigit(text[i - 1]) || !char.IsDigit(text[i + 1]),
        ';' or ':' or '(' or ')' or '«' or '»' or '"' or '–' or '—' => true,
        _ => false,
    };

    /// <summary>Where the clause holding position <paramref name="before"/> begins (just after a clause mark).</summary>
    internal static int ClauseStart(string text, int sentenceStart, int before)
    {
        for (var i = before - 1; i > sentenceStart; i--)
            if (IsClauseMark(text, i)) return i + 1;
        return sentenceStart;
    }

    internal static int ClauseEnd(string text, int from, int sentenceEnd)
    {
        for (var i = from; i < sentenceEnd; i++)
            if (IsClauseMark(text, i)) return i;
        return sentenceEnd;
    }
}
