using Dossier.Core.Model;
using Dossier.Languages;

namespace Dossier.Core.Clean;

/// <summary>The shape of each line of a scraped text, in any language: its length, final
/// punctuation and capitals, its neighbours' lengths, and where it sits against the run of
/// paragraphs that holds the article. Shallow text features of this kind separate an article
/// from the page's furniture about as well as the page's markup does (Kohlschütter, Fankhauser
/// and Nejdl, "Boilerplate detection using shallow text features", WSDM 2010), and scraped text
/// keeps nothing else.</summary>
public static class LineLayout
{
    /// <summary>The feature names, in the order of each line's vector; the model file names them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "length", "long", "very_short", "sentence_end", "capitals", "digits", "separators", "mean_word_length",
        "previous_length", "next_length", "previous_sentence_end", "next_sentence_end", "previous_not_content", "next_not_content",
        "long_lines_around", "before_body_run", "distance_to_paragraph",
        "above_headline", "no_headline", "just_below_headline", "sentence_beside_paragraph",
    ];

    /// <summary>The shipped model (common/line-layout.tsv); null when the data file is absent.</summary>
    public static LogisticModel? Model { get; } = LogisticModel.Read(LanguageData.ReadNumberedLines("common", "line-layout.tsv"), "common/line-layout.tsv", Names);

    /// <summary>Neighbours on each side whose lengths tell a run of paragraphs from a menu.</summary>
    private const int Window = 4;

    /// <summary>Lines of other kinds that may separate two paragraphs of one article (a caption,
    /// an inline "read also", a sub-heading); a wider gap starts another run.</summary>
    private const int MaxGapInRun = 6;

    /// <summary>The feature vector of every line (null for blank lines), given the kinds the
    /// layout-free rules gave them and the headline's index (-1 when none was found). The
    /// body run, from its first paragraph to its last, is the article by definition and gets no
    /// vector; a text with no paragraph below its headline has no layout to judge by, and no line
    /// gets one. What is judged is what surrounds the article.</summary>
    public static float[]?[] Of(string[] texts, LineKind[] kinds, int headline)
    {
        var vectors = new float[]?[texts.Length];
        var lines = new List<int>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
            if (kinds[i] != LineKind.Blank) lines.Add(i);
        var isParagraph = lines.Select(i => HeadlineFinder.IsParagraph(texts, kinds, i)).ToArray();
        var (runStart, runEnd) = BodyRun(texts, lines, isParagraph, headline);
        if (runEnd < 0) return vectors;
        var headlineAt = headline < 0 ? -1 : lines.IndexOf(headline);
        for (var n = 0; n < lines.Count; n++)
        {
            if (runStart <= n && n <= runEnd) continue;
            var text = texts[lines[n]].Trim();
            var v = new float[Names.Count];
            var words = LineClassifier.CountWords(text);
            v[0] = LogLength(text);
            v[1] = text.Length >= HeadlineFinder.ParagraphLength ? 1 : 0;
            v[2] = words <= 3 ? 1 : 0;
            v[3] = EndsSentence(text) ? 1 : 0;
            v[4] = CapitalShare(text);
            v[5] = DigitShare(text);
            v[6] = HasSeparators(text) ? 1 : 0;
            v[7] = words == 0 ? 0 : Math.Min(1f, text.Length / (float)words / 10f);
            if (n > 0) (v[8], v[10], v[12]) = Neighbour(texts, kinds, lines[n - 1]);
            if (n + 1 < lines.Count) (v[9], v[11], v[13]) = Neighbour(texts, kinds, lines[n + 1]);
            var around = 0;
            var seen = 0;
            for (var k = Math.Max(0, n - Window); k <= Math.Min(lines.Count - 1, n + Window); k++)
                if (k != n) { seen++; if (isParagraph[k]) around++; }
            // A line alone is its own surroundings (a clean article given as one paragraph).
            v[14] = seen == 0 ? v[1] : around / (float)seen;
            v[15] = n < runStart ? 1 : 0;
            v[16] = DistanceToParagraph(isParagraph, n);
            v[17] = headlineAt >= 0 && n < headlineAt ? 1 : 0;
            v[18] = headlineAt < 0 ? 1 : 0;
            v[19] = headlineAt >= 0 && n > headlineAt && n - headlineAt <= 3 ? 1 : 0;
            // A short sentence next to a paragraph is the article's too (a one-line paragraph, a
            // closing "The New York Times first reported it."); a menu item or teaser is not a sentence.
            v[20] = v[3] > 0 && v[16] <= 2 / 50f ? 1 : 0;
            vectors[lines[n]] = v;
        }
        return vectors;
    }

    /// <summary>The run of paragraphs that holds the most text, below the headline when there is
    /// one: the article, where comments and other articles' teasers make shorter runs. Indexes are
    /// among the non-blank lines; (0, -1) when no line below the headline is a paragraph.</summary>
    private static (int Start, int End) BodyRun(string[] texts, List<int> lines, bool[] isParagraph, int headline)
    {
        int bestStart = 0, bestEnd = -1, start = -1, last = -1;
        long best = 0, size = 0;
        for (var n = 0; n <= lines.Count; n++)
        {
            var ends = n == lines.Count || (isParagraph[n] && last >= 0 && n - last > MaxGapInRun);
            if (ends && start >= 0)
            {
                if (size > best) (best, bestStart, bestEnd) = (size, start, last);
                start = -1;
                size = 0;
            }
            if (n == lines.Count) break;
            if (!isParagraph[n] || lines[n] < headline) continue;
            if (start < 0) start = n;
            last = n;
            size += texts[lines[n]].Length;
        }
        return (bestStart, bestEnd);
    }

    private static (float Length, float SentenceEnd, float NotContent) Neighbour(string[] texts, LineKind[] kinds, int line)
    {
        var text = texts[line].Trim();
        return (LogLength(text), EndsSentence(text) ? 1 : 0, kinds[line] == LineKind.Content ? 0 : 1);
    }

    private static float DistanceToParagraph(bool[] isParagraph, int n)
    {
        for (var d = 0; d < 50; d++)
            if ((n - d >= 0 && isParagraph[n - d]) || (n + d < isParagraph.Length && isParagraph[n + d]))
                return d / 50f;
        return 1;
    }

    private static float LogLength(string text) => Math.Min(1f, MathF.Log(1 + text.Length) / MathF.Log(1000));

    /// <summary>Ends as a sentence does, a closing quote or bracket after the mark allowed.</summary>
    private static bool EndsSentence(string text)
    {
        var end = text.AsSpan().TrimEnd("\"'»”’)] ");
        return end.Length > 0 && ".!?…".Contains(end[^1]);
    }

    private static float CapitalShare(string text)
    {
        int words = 0, capitals = 0;
        var start = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { start = true; continue; }
            if (start && char.IsLetter(c)) { words++; if (char.IsUpper(c)) capitals++; }
            start = false;
        }
        return words == 0 ? 0 : capitals / (float)words;
    }

    /// <summary>The share of digits among a line's letters and digits.</summary>
    internal static float DigitShare(string text)
    {
        int digits = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c)) digits++;
            else if (char.IsLetter(c)) letters++;
        }
        return digits + letters == 0 ? 0 : digits / (float)(digits + letters);
    }

    /// <summary>Marks that join menu items, breadcrumbs and share bars: "Home | News", "Accueil › Monde".</summary>
    private static bool HasSeparators(string text) => text.AsSpan().IndexOfAny("|•·›") >= 0;
}
