using Dossier.Core.Model;

namespace Dossier.Core.Clean;

/// <summary>Finds the headline of scraped text, where menus, tickers and sidebar links come before
/// it. A headline is a short line without final punctuation that the text right after it echoes:
/// the standfirst and first paragraphs repeat its words, where a menu item or another article's
/// link is followed by more links. Of the headline-shaped lines, the one whose words the next
/// paragraphs repeat most wins; nearness to those paragraphs breaks ties.</summary>
public static class HeadlineFinder
{
    /// <summary>How far after a candidate its article's paragraphs are looked for (bylines, dates,
    /// captions and share bars come between, agrarheute.com's share bar three times over: 24
    /// lines), and how many of them are read.</summary>
    private const int EchoLines = 30;
    private const int EchoParagraphs = 3;

    /// <summary>What each paragraph of body text above a candidate costs it: the headline opens the
    /// article, a sub-heading or a quoted name further down is echoed by its paragraph too.</summary>
    private const double ParagraphAboveCost = 0.15;
    private const int MaxParagraphsAbove = 10;

    /// <summary>What each line between a candidate and its first paragraph costs: a byline, a date
    /// and a share bar may come between, so the cost is small.</summary>
    private const double DistanceCost = 0.01;

    /// <summary>The headline comes first: a standfirst or a caption after it echoes the paragraphs
    /// as much or a little more, so the first candidate this close to the best is taken.</summary>
    private const double HeadlineFirst = 0.2;

    /// <summary>What a candidate gains when a metadata line (its byline, its date) comes within
    /// <see cref="BylineLines"/> lines after it or right above it, as pages print them by the headline: more
    /// than <see cref="HeadlineFirst"/>, so that a menu line or a site name just above, which its
    /// blurb echoes as well, does not win for coming first.</summary>
    private const double BylineBonus = 0.25;
    private const int BylineLines = 3;

    /// <summary>A paragraph of body text is at least this long; menus, links and bylines are shorter.</summary>
    public const int ParagraphLength = 100;

    /// <summary>Share of a candidate's words the following paragraphs must repeat: one word in
    /// three keeps headlines rephrased by their standfirst and drops links that share a name.</summary>
    private const double MinEcho = 0.3;

    /// <summary>The share a candidate followed by its byline or date needs: news pages print those
    /// under the headline, whose words the first paragraphs often say otherwise ("As his first
    /// debate nears, Bloomberg is having to answer about his past" shares 1 word in 8 with them).</summary>
    private const double MinEchoAboveByline = 0.1;

    /// <summary>Paragraphs a page header may hold above the headline (a cookie notice, a newsletter offer).</summary>
    public const int MaxParagraphsAboveHeadline = 3;

    private const int MinWordLength = 4;

    /// <summary>Words added to a candidate's own in its score's echo: two words out of two echoed is
    /// weaker evidence than six out of ten, and a site name, a section or a menu line of two words
    /// ("Daniel Lemire's blog", "Chercheur ou Enseignant-Chercheur") is echoed whole by the article
    /// about it more easily than the headline of many words is.</summary>
    private const int EchoPriorWords = 2;

    /// <summary>Words a headline has at least when it wins over a better-echoed line, for coming
    /// first or above its standfirst: a shorter line is a kicker, a section's or a site's name
    /// ("Black Friday Week", "Dans les médias") whose article's paragraphs echo it too.</summary>
    private const int MinWordsToComeFirst = 4;

    /// <summary>What joins the steps of a breadcrumb ("Accueil > Actualités", "Inicio »Noticias").</summary>
    private static readonly System.Buffers.SearchValues<char> PathSeparators = System.Buffers.SearchValues.Create(">›/»");

    /// <summary>What may open a headline before its capital: quotation marks of every language
    /// („Wir haben bereits die Zusage“, « … », “…”), opening question and exclamation marks.</summary>
    private static readonly System.Buffers.SearchValues<char> OpeningMarks = System.Buffers.SearchValues.Create("\"'«“‘„‚‹¿¡([ ");

    /// <summary>The features of a candidate line, in the order of its vector; the model file
    /// (common/headline.tsv) names them. All lie in [0, 1] and hold in any language: the line's
    /// shape, its place, how much the paragraphs after it repeat its words, and its neighbours.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "length", "words", "few_words", "position", "candidate_rank", "paragraphs_above", "any_paragraph_above",
        "echo", "echo_prior", "echo_wide", "echo_vs_best", "no_paragraph_after", "distance",
        "metadata_above", "metadata_below", "stamp_beside", "short_beside_date",
        "headline_shaped", "sentence_end", "other_end", "capitals", "starts_upper", "menu_items", "breadcrumb", "separators", "digits",
        "repeated", "inside_other_line", "previous_shaped", "next_shaped", "next_paragraph", "previous_length", "next_length",
        "next_echoed_more", "echo_enough", "first_echoed_enough", "best_echoed", "above_best_echoed", "score_gap", "first_near_best", "previous_echo", "next_echo", "next_sentence_end",
        "next_repeats_me", "next_longer", "me_repeats_previous", "standfirst_of_previous", "path_parts", "ends_a_path",
        "echo_rank", "echo_over_next", "echo_over_previous", "echoed_shaped_above", "longer_echoed_below",
    ];

    /// <summary>The shipped ranker (common/headline.tsv); null when the data file is absent.</summary>
    public static LogisticModel? Model { get; } = LogisticModel.Read(Dossier.Languages.LanguageData.ReadNumberedLines("common", "headline.tsv"), "common/headline.tsv", Names);

    /// <summary>How far apart a headline and its standfirst may be printed (a byline, a date and a
    /// share bar between them).</summary>
    private const int StandfirstReach = 8;

    /// <summary>The longest line that may be a headline.</summary>
    private const int MaxCandidateLength = 250;

    /// <summary>How far the wide echo looks: the article's paragraphs may start further down than
    /// <see cref="EchoLines"/> (a gallery, a long byline block).</summary>
    private const int WideEchoLines = 80;
    private const int WideEchoParagraphs = 8;

    /// <summary>The index of the headline among <paramref name="texts"/> by <paramref name="model"/>:
    /// the first candidate it gives the highest probability (or the headline above it when it is a
    /// standfirst), or -1 when there is no candidate.
    /// Whether the text has a headline at all is the rules' decision (<see cref="Find(string[], LineKind[], Func{string, bool}?)"/>):
    /// the model only orders a page's candidates.</summary>
    public static int Find(string[] texts, LineKind[] kinds, Func<string, bool> isStamp, LogisticModel model)
    {
        var best = (Line: -1, Probability: -1f);
        foreach (var (line, features) in Candidates(texts, kinds, isStamp))
        {
            var probability = model.Probability(features);
            if (probability > best.Probability) best = (line, probability);
        }
        // As for the rules: a standfirst says more of the story than its headline, so that a ranker
        // reading the paragraphs' echo may prefer it; the headline is the line above it.
        return best.Line < 0 ? -1 : HeadlineAboveStandfirst(texts, kinds, best.Line, MenuItems(texts, kinds)) ?? best.Line;
    }

    /// <summary>Every line that may be the headline, with its features (<see cref="Names"/>): a
    /// content line of two words or more, one of four letters at least, no longer than a headline
    /// is, with no more paragraphs above it than a page header holds.</summary>
    public static List<(int Line, float[] Features)> Candidates(string[] texts, LineKind[] kinds, Func<string, bool> isStamp)
    {
        var lines = new List<int>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
            if (kinds[i] != LineKind.Blank) lines.Add(i);
        var menuItems = MenuItems(texts, kinds);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in lines) counts[texts[i].Trim()] = counts.GetValueOrDefault(texts[i].Trim()) + 1;
        var candidates = new List<(int Line, float[] Features)>();
        var echoes = new List<float>();
        var paragraphsAbove = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            var i = lines[n];
            var line = texts[i].Trim();
            var words = Words(line);
            if (kinds[i] == LineKind.Content && line.Length <= MaxCandidateLength && words.Count > 0
                && paragraphsAbove <= MaxParagraphsAboveHeadline && !IsBreadcrumb(line)
                && LineClassifier.CountWords(line) is var count && IsShortBesideDate(texts, kinds, i, isStamp) is var besideDate && (count >= 3 || besideDate))
            {
                var v = new float[Names.Count];
                var (echoed, distance) = Echo(texts, kinds, i, words, EchoLines, EchoParagraphs);
                var (wideEchoed, _) = Echo(texts, kinds, i, words, WideEchoLines, WideEchoParagraphs);
                var previous = n > 0 ? lines[n - 1] : -1;
                var next = n + 1 < lines.Count ? lines[n + 1] : -1;
                v[0] = LogLength(line);
                v[1] = Math.Min(count, 30) / 30f;
                v[2] = count <= 2 ? 1 : 0;
                v[3] = Math.Min(1f, MathF.Log(1 + n) / MathF.Log(1000));
                v[4] = Math.Min(1f, MathF.Log(1 + candidates.Count) / MathF.Log(100));
                v[5] = Math.Min(paragraphsAbove, MaxParagraphsAbove) / (float)MaxParagraphsAbove;
                v[6] = paragraphsAbove > 0 ? 1 : 0;
                v[7] = (float)echoed / words.Count;
                v[8] = (float)echoed / (words.Count + EchoPriorWords);
                v[9] = (float)wideEchoed / words.Count;
                v[11] = distance < 0 ? 1 : 0;
                v[12] = Math.Max(0, distance) / (float)EchoLines;
                v[13] = previous >= 0 && kinds[previous] == LineKind.Metadata ? 1 : 0;
                v[14] = HasMetadataBelow(kinds, i) ? 1 : 0;
                v[15] = (previous >= 0 && isStamp(texts[previous])) || (next >= 0 && isStamp(texts[next])) ? 1 : 0;
                v[16] = besideDate ? 1 : 0;
                v[17] = IsHeadlineShaped(line) ? 1 : 0;
                v[18] = ".!?…".Contains(line[^1], StringComparison.Ordinal) ? 1 : 0;
                v[19] = ",;:|".Contains(line[^1], StringComparison.Ordinal) ? 1 : 0;
                v[20] = IsInCapitals(line) ? 1 : 0;
                var first = line.AsSpan().IndexOfAnyExcept(OpeningMarks);
                v[21] = first >= 0 && (char.IsUpper(line[first]) || char.IsDigit(line[first])) ? 1 : 0;
                v[22] = IsMadeOfMenuItems(line, menuItems) ? 1 : 0;
                v[23] = IsBreadcrumb(line) ? 1 : 0;
                v[24] = line.AsSpan().IndexOfAny("|•·›»") >= 0 ? 1 : 0;
                v[25] = LineLayout.DigitShare(line);
                v[26] = counts[line] > 1 ? 1 : 0;
                v[27] = IsInsideOtherLine(texts, lines, i, line) ? 1 : 0;
                v[28] = previous >= 0 && kinds[previous] == LineKind.Content && IsHeadlineShaped(texts[previous].Trim()) ? 1 : 0;
                v[29] = next >= 0 && kinds[next] == LineKind.Content && IsHeadlineShaped(texts[next].Trim()) ? 1 : 0;
                v[30] = next >= 0 && IsParagraph(texts, kinds, next) ? 1 : 0;
                v[31] = previous >= 0 ? LogLength(texts[previous].Trim()) : 0;
                v[32] = next >= 0 ? LogLength(texts[next].Trim()) : 0;
                v[41] = EchoShare(texts, kinds, next);
                v[33] = v[41] > v[7] ? 1 : 0;
                v[40] = EchoShare(texts, kinds, previous);
                v[42] = next >= 0 && ".!?…".Contains(texts[next].TrimEnd()[^1], StringComparison.Ordinal) ? 1 : 0;
                var nextWords = next >= 0 && kinds[next] == LineKind.Content ? Words(texts[next]) : [];
                var previousWords = previous >= 0 && kinds[previous] == LineKind.Content ? Words(texts[previous]) : [];
                v[43] = (float)words.Count(nextWords.Contains) / words.Count;
                v[44] = next >= 0 && kinds[next] == LineKind.Content && texts[next].Trim().Length > 1.5 * line.Length ? 1 : 0;
                v[45] = previousWords.Count == 0 ? 0 : (float)previousWords.Count(words.Contains) / previousWords.Count;
                v[46] = previous >= 0 && v[28] > 0 && texts[previous].Trim().Length < line.Length && v[40] >= MinEchoAboveByline ? 1 : 0;
                v[47] = Math.Min(PathParts(line), 5) / 5f;
                v[48] = EndsAPath(texts, lines, i, line) ? 1 : 0;
                v[50] = (v[7] - v[41] + 1) / 2;
                v[51] = (v[7] - v[40] + 1) / 2;
                v[34] = v[16] > 0 || v[7] >= (v[13] + v[14] > 0 ? MinEchoAboveByline : MinEcho) ? 1 : 0;
                v[35] = v[34] > 0 && !candidates.Any(c => c.Features[34] > 0) ? 1 : 0;
                candidates.Add((i, v));
                echoes.Add(v[8]);
            }
            if (IsParagraph(texts, kinds, i) && !IsBreadcrumb(texts[i])) paragraphsAbove++;
        }
        var bestEcho = echoes.Count == 0 ? 0 : echoes.Max();
        var bestAt = echoes.IndexOf(bestEcho);
        // The rules' score of a candidate echoed enough: its echo, less what the paragraphs above
        // and the lines before its paragraphs cost, with the bonus of a byline beside.
        var scores = candidates.Select(c => c.Features[34] > 0 ? c.Features[8] - ParagraphAboveCost * 10 * c.Features[5] - DistanceCost * EchoLines * c.Features[12]
            + (c.Features[13] + c.Features[14] > 0 ? BylineBonus : 0) : double.NegativeInfinity).ToList();
        var bestScore = scores.Count == 0 ? double.NegativeInfinity : scores.Max();
        var firstNear = true;
        for (var c = 0; c < candidates.Count; c++)
        {
            var gap = bestScore - scores[c];
            candidates[c].Features[38] = double.IsFinite(gap) ? (float)Math.Min(1, gap) : 1;
            if (gap <= HeadlineFirst && firstNear && candidates[c].Features[1] * 30 >= MinWordsToComeFirst) { candidates[c].Features[39] = 1; firstNear = false; }
        }
        // A standfirst has its headline above it, before any paragraph: a headline-shaped line the
        // paragraphs echo a little; a headline has its standfirst below it, longer and echoed as
        // much, before the first paragraph.
        for (var c = 0; c < candidates.Count; c++)
        {
            var (line, features) = candidates[c];
            for (var d = c - 1; d >= 0 && line - candidates[d].Line <= StandfirstReach; d--)
                if (candidates[d].Features[17] > 0 && candidates[d].Features[7] >= MinEchoAboveByline
                    && !Enumerable.Range(candidates[d].Line + 1, line - candidates[d].Line - 1).Any(j => IsParagraph(texts, kinds, j))) { features[52] = 1; break; }
            for (var d = c + 1; d < candidates.Count && candidates[d].Line - line <= StandfirstReach; d++)
                if (texts[candidates[d].Line].Length > texts[line].Length && candidates[d].Features[7] >= features[7]
                    && !Enumerable.Range(line + 1, candidates[d].Line - line - 1).Any(j => IsParagraph(texts, kinds, j))) { features[53] = 1; break; }
        }
        // The rank of each candidate's echo among the page's: 1 for the best-echoed, less down the order.
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(c => echoes[c]).ToList();
        for (var r = 0; r < order.Count; r++) candidates[order[r]].Features[49] = 1f / (1 + r);
        if (bestEcho > 0)
            for (var c = 0; c < candidates.Count; c++)
            {
                candidates[c].Features[10] = echoes[c] / bestEcho;
                candidates[c].Features[36] = c == bestAt ? 1 : 0;
                candidates[c].Features[37] = c < bestAt ? 1 : 0;
            }
        return candidates;
    }

    /// <summary>The share of a content line's words the paragraphs after it repeat; 0 for another line.</summary>
    private static float EchoShare(string[] texts, LineKind[] kinds, int i) =>
        i >= 0 && kinds[i] == LineKind.Content && Words(texts[i]) is { Count: > 0 } words ? (float)Echo(texts, kinds, i, words).Echoed / words.Count : 0;

    /// <summary>What separates the steps of a path of links: a breadcrumb's arrows, slashes and bars.</summary>
    private static readonly char[] PathSteps = ['>', '›', '»', '/', '|'];

    /// <summary>The parts of a line cut at <see cref="PathSteps"/> when it has two at least and
    /// each is short (a path of links: "Home | News | Sport"); 0 for another line.</summary>
    private static int PathParts(string line)
    {
        var parts = line.Split(PathSteps, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length >= 2 && parts.Count(p => LineClassifier.CountWords(p) <= 4) >= parts.Length - 1 ? parts.Length : 0;
    }

    /// <summary>A line another line of the page ends after a path's step: the last part of a
    /// breadcrumb ("Accueil > Actualités > Décisions de l'AG…" ends with the headline).</summary>
    private static bool EndsAPath(string[] texts, List<int> lines, int i, string line)
    {
        if (line.Length < 8) return false;
        foreach (var j in lines)
        {
            var other = texts[j].TrimEnd();
            if (j == i || other.Length <= line.Length || !other.EndsWith(line, StringComparison.Ordinal)) continue;
            var before = other.AsSpan(0, other.Length - line.Length).TrimEnd();
            if (before.Length > 0 && PathSteps.Contains(before[^1])) return true;
        }
        return false;
    }

    /// <summary>A line the page prints inside a longer one: the headline in a breadcrumb's path
    /// or a share text.</summary>
    private static bool IsInsideOtherLine(string[] texts, List<int> lines, int i, string line)
    {
        if (line.Length < 8) return false;
        foreach (var j in lines)
            if (j != i && texts[j].Length > line.Length && texts[j].Contains(line, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A metadata line within <see cref="BylineLines"/> lines after the candidate.</summary>
    private static bool HasMetadataBelow(LineKind[] kinds, int candidate)
    {
        var seen = 0;
        for (var j = candidate + 1; j < kinds.Length && seen < BylineLines; j++)
        {
            if (kinds[j] == LineKind.Blank) continue;
            if (kinds[j] == LineKind.Metadata) return true;
            seen++;
        }
        return false;
    }

    private static float LogLength(string text) => Math.Min(1f, MathF.Log(1 + text.Length) / MathF.Log(1000));

    /// <summary>The index of the headline among <paramref name="texts"/>, or -1. Only lines whose
    /// kind is <see cref="LineKind"/>.Content are candidates or paragraphs.</summary>
    public static int Find(string[] texts, LineKind[] kinds, Func<string, bool>? isStamp = null)
    {
        isStamp ??= _ => false;
        var candidates = new List<(int Line, double Score)>();
        var paragraphsAbove = 0;
        var menuItems = MenuItems(texts, kinds);
        for (var i = 0; i < texts.Length; i++)
        {
            if (IsCandidate(texts, kinds, i, menuItems, isStamp) is { } words)
            {
                var (echoed, distance) = Echo(texts, kinds, i, words);
                var besideByline = HasMetadataBeside(kinds, i);
                var shortBesideDate = IsShortBesideDate(texts, kinds, i, isStamp);
                if (shortBesideDate || (double)echoed / words.Count >= (besideByline ? MinEchoAboveByline : MinEcho))
                    candidates.Add((i, (double)echoed / (words.Count + EchoPriorWords)
                        - ParagraphAboveCost * Math.Min(paragraphsAbove, MaxParagraphsAbove) - DistanceCost * Math.Max(0, distance)
                        + (besideByline ? BylineBonus : 0)));
            }
            // A long headline is no paragraph above itself, nor a breadcrumb saying it (a path is navigation).
            if (IsParagraph(texts, kinds, i) && !IsBreadcrumb(texts[i])) paragraphsAbove++;
        }
        if (candidates.Count == 0) return -1;
        var best = candidates.MaxBy(c => c.Score);
        var chosen = candidates.First(c => c.Line == best.Line
            || (c.Score >= best.Score - HeadlineFirst && MayComeFirst(texts[c.Line], texts[best.Line]))).Line;
        return HeadlineAboveStandfirst(texts, kinds, chosen, menuItems) ?? chosen;
    }

    /// <summary>The words of line <paramref name="i"/> when it may be a headline: a headline-shaped
    /// content line of two words or more that is no path, with or without separators.</summary>
    private static HashSet<string>? IsCandidate(string[] texts, LineKind[] kinds, int i, HashSet<string> menuItems, Func<string, bool> isStamp)
    {
        if (kinds[i] != LineKind.Content || IsBreadcrumb(texts[i]) || IsMadeOfMenuItems(texts[i], menuItems)) return null;
        if (IsShortBesideDate(texts, kinds, i, isStamp)) return Words(texts[i]);
        if (!IsHeadlineShaped(texts[i].Trim())) return null;
        var words = Words(texts[i]);
        return words.Count >= 2 ? words : null;
    }

    /// <summary>A headline of two words ("Gefällt mir", "Tach auch!", "Scherenschnitt (3)"),
    /// which its paragraphs need not echo, stands right beside its date: a metadata line with a
    /// figure directly under or over it, as blogs print a post's title over its date. A menu item or
    /// a section's name stands among other short lines, not over a date.</summary>
    private static bool IsShortBesideDate(string[] texts, LineKind[] kinds, int i, Func<string, bool> isStamp)
    {
        var line = texts[i].Trim();
        // A figure first is a count ("1 Kommentar", "5 Comments"), not a headline this short.
        if (line.Length < 8 || LineClassifier.CountWords(line) != 2 || !IsHeadlineShaped(line, minWords: 2) || Words(line).Count == 0
            || char.IsDigit(line[line.AsSpan().IndexOfAnyExcept(OpeningMarks)])) return false;
        var above = i - 1;
        while (above >= 0 && kinds[above] == LineKind.Blank) above--;
        var below = i + 1;
        while (below < kinds.Length && kinds[below] == LineKind.Blank) below++;
        return IsDated(texts, kinds, above, isStamp) || IsDated(texts, kinds, below, isStamp);
    }

    /// <summary>A metadata line with a figure, or a post's stamp of any kind (a date among a few
    /// capitalised words: "11.09.2011, 16:20 von jovelstefan").</summary>
    private static bool IsDated(string[] texts, LineKind[] kinds, int i, Func<string, bool> isStamp) =>
        i >= 0 && i < kinds.Length && kinds[i] != LineKind.Blank
        && ((kinds[i] == LineKind.Metadata && texts[i].AsSpan().IndexOfAnyInRange('0', '9') >= 0) || isStamp(texts[i]));

    /// <summary>The lines of one word: a page's menu items ("Allgemein", "Lifestyle", "Diss").</summary>
    private static HashSet<string> MenuItems(string[] texts, LineKind[] kinds)
    {
        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < texts.Length; i++)
            if (kinds[i] != LineKind.Blank && LineClassifier.CountWords(texts[i]) == 1) items.Add(texts[i].Trim());
        return items;
    }

    /// <summary>A line whose words are, half of them or more, the page's menu items: the site's name
    /// and the post's categories ("Raptastisch Allgemein Diss Information" under the menu
    /// "Raptastisch", "Allgemein", …, "Diss", "Information").</summary>
    private static bool IsMadeOfMenuItems(string line, HashSet<string> menuItems)
    {
        if (menuItems.Count == 0) return false;
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var items = tokens.Count(menuItems.Contains);
        return items >= 2 && 2 * items >= tokens.Length;
    }

    /// <summary>The headline whose standfirst <paramref name="chosen"/> is: a headline-shaped line
    /// right above it, or above the byline and date between them, that the paragraphs echo a little.
    /// A standfirst says more of the story than its headline, so the paragraphs echo it more. Menu
    /// items, section kickers ("El Salvador / judicial") and breadcrumbs above a headline are not
    /// headlines: they are shorter or hold a path's separators.</summary>
    private static int? HeadlineAboveStandfirst(string[] texts, LineKind[] kinds, int chosen, HashSet<string> menuItems)
    {
        // Pages print headlines in capitals, never their standfirsts.
        if (IsInCapitals(texts[chosen])) return null;
        var above = chosen - 1;
        while (above >= 0 && kinds[above] is LineKind.Blank or LineKind.Metadata) above--;
        if (above < 0 || kinds[above] != LineKind.Content) return null;
        var line = texts[above].Trim();
        if (!IsHeadlineShaped(line) || LineClassifier.CountWords(line) < MinWordsToComeFirst
            || line.AsSpan().IndexOfAny(PathSeparators) >= 0 || IsMadeOfMenuItems(line, menuItems)) return null;
        var words = Words(texts[above]);
        return words.Count >= 2 && (double)Echo(texts, kinds, above, words).Echoed / words.Count >= MinEchoAboveByline ? above : null;
    }

    /// <summary>Whether a candidate may win over the best-echoed one for coming first, as a headline
    /// does over its standfirst: not when it is short (<see cref="MinWordsToComeFirst"/>), nor when it
    /// ends with the best one's whole text after words of its own, a path to the headline printed
    /// without separators ("Accueil Pétitions Art-culture Non à la mutilation du choeur de Radio France…").</summary>
    private static bool MayComeFirst(string candidate, string best)
    {
        if (LineClassifier.CountWords(candidate) < MinWordsToComeFirst) return false;
        var (line, headline) = (candidate.Trim(), best.Trim());
        return line.Length == headline.Length || !line.EndsWith(headline, StringComparison.Ordinal);
    }

    /// <summary>A few words, no final period, comma or colon: "Turpitude et architecture",
    /// "¿Buses de la Alcaldía al servicio de Petro?".</summary>
    public static bool IsHeadlineShaped(string line, int minWords = 3)
    {
        if (line.Length is < 8 or > 250) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < minWords || words > 30) return false;
        // A headline starts with a capital or a figure (after an opening quote or mark), unlike a
        // list of tags; arrows mark links to the previous and next article.
        var first = line.AsSpan().IndexOfAnyExcept(OpeningMarks);
        if (first < 0 || !(char.IsUpper(line[first]) || char.IsDigit(line[first]))) return false;
        if (line.AsSpan().IndexOfAnyInRange('\u2190', '\u21FF') >= 0) return false;
        return !".,;:|".Contains(line[^1], StringComparison.Ordinal);
    }

    /// <summary>No lower-case letter and three upper-case ones at least: "ATLANTIS PARADISE ISLAND AND DOLPHIN CAY DONATES…".</summary>
    private static bool IsInCapitals(string line)
    {
        var upper = 0;
        foreach (var c in line)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) upper++;
        }
        return upper >= 3;
    }

    /// <summary>A path of two steps or more ("Accueil > Actualités > Décisions de l'AG…", "Home »
    /// Travel » Nam Nghi Phu Quoc…"): it ends with the headline and says more words of the article
    /// than the headline does, but it is the page's navigation.</summary>
    private static bool IsBreadcrumb(string line)
    {
        var separators = 0;
        foreach (var c in line)
            if (c is '>' or '›' or '»') separators++;
        return separators >= 2 || line.AsSpan().Count(" / ") >= 2;
    }

    /// <summary>How many of a candidate's words are found in the paragraphs that follow it within
    /// <see cref="EchoLines"/> lines, and how many lines away the first of them is (-1 when none is).</summary>
    private static (int Echoed, int Distance) Echo(string[] texts, LineKind[] kinds, int candidate, HashSet<string> words, int reach = EchoLines, int paragraphsRead = EchoParagraphs)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var distance = -1;
        var seen = 0;
        var paragraphs = 0;
        for (var j = candidate + 1; j < texts.Length && seen < reach && paragraphs < paragraphsRead; j++)
        {
            if (kinds[j] == LineKind.Blank) continue;
            seen++;
            if (!IsParagraph(texts, kinds, j)) continue;
            paragraphs++;
            if (distance < 0) distance = seen - 1;
            foreach (var word in Words(texts[j]))
                if (words.Contains(word)) found.Add(word);
        }
        return (found.Count, distance);
    }

    /// <summary>A metadata line (a byline, a date) within <see cref="BylineLines"/> lines after the
    /// candidate, or right above it: pages print the date over the headline as well as under it
    /// ("April 7, 2020" over a blog post's title, "/ Cory Doctorow / 10:08 am Fri Jul 19, 2013").</summary>
    private static bool HasMetadataBeside(LineKind[] kinds, int candidate)
    {
        var above = candidate - 1;
        while (above >= 0 && kinds[above] == LineKind.Blank) above--;
        return above >= 0 && kinds[above] == LineKind.Metadata || HasMetadataBelow(kinds, candidate);
    }

    /// <summary>A content line long enough to be a paragraph of body text.</summary>
    internal static bool IsParagraph(string[] texts, LineKind[] kinds, int i) =>
        kinds[i] == LineKind.Content && texts[i].Length >= ParagraphLength;

    /// <summary>The words of four letters or more, lower-cased, with a trailing plural 's' dropped
    /// so that "Millennials" meets "millennial".</summary>
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0 && i - start >= MinWordLength)
            {
                var word = text[start..i].ToLowerInvariant();
                words.Add(word.EndsWith('s') ? word[..^1] : word);
            }
            start = -1;
        }
        return words;
    }
}
