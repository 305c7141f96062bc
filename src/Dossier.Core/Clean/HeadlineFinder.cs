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

    /// <summary>The index of the headline among <paramref name="texts"/>, or -1. Only lines whose
    /// kind is <see cref="LineKind"/>.Content are candidates or paragraphs.</summary>
    public static int Find(string[] texts, Model.LineKind[] kinds, Func<string, bool>? isStamp = null)
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
                        - ParagraphAboveCost * Math.Min(paragraphsAbove, MaxParagraphsAbove) - DistanceCost * distance
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
    private static HashSet<string>? IsCandidate(string[] texts, Model.LineKind[] kinds, int i, HashSet<string> menuItems, Func<string, bool> isStamp)
    {
        if (kinds[i] != Model.LineKind.Content || IsBreadcrumb(texts[i]) || IsMadeOfMenuItems(texts[i], menuItems)) return null;
        if (IsShortBesideDate(texts, kinds, i, isStamp)) return Words(texts[i]);
        if (!IsHeadlineShaped(texts[i].Trim())) return null;
        var words = Words(texts[i]);
        return words.Count >= 2 ? words : null;
    }

    /// <summary>A headline of two words ("Gefällt mir", "Tach auch!", "Scherenschnitt (3)"),
    /// which its paragraphs need not echo, stands right beside its date: a metadata line with a
    /// figure directly under or over it, as blogs print a post's title over its date. A menu item or
    /// a section's name stands among other short lines, not over a date.</summary>
    private static bool IsShortBesideDate(string[] texts, Model.LineKind[] kinds, int i, Func<string, bool> isStamp)
    {
        var line = texts[i].Trim();
        // A figure first is a count ("1 Kommentar", "5 Comments"), not a headline this short.
        if (line.Length < 8 || LineClassifier.CountWords(line) != 2 || !IsHeadlineShaped(line, minWords: 2) || Words(line).Count == 0
            || char.IsDigit(line[line.AsSpan().IndexOfAnyExcept(OpeningMarks)])) return false;
        var above = i - 1;
        while (above >= 0 && kinds[above] == Model.LineKind.Blank) above--;
        var below = i + 1;
        while (below < kinds.Length && kinds[below] == Model.LineKind.Blank) below++;
        return IsDated(texts, kinds, above, isStamp) || IsDated(texts, kinds, below, isStamp);
    }

    /// <summary>A metadata line with a figure, or a post's stamp of any kind (a date among a few
    /// capitalised words: "11.09.2011, 16:20 von jovelstefan").</summary>
    private static bool IsDated(string[] texts, Model.LineKind[] kinds, int i, Func<string, bool> isStamp) =>
        i >= 0 && i < kinds.Length && kinds[i] != Model.LineKind.Blank
        && ((kinds[i] == Model.LineKind.Metadata && texts[i].AsSpan().IndexOfAnyInRange('0', '9') >= 0) || isStamp(texts[i]));

    /// <summary>The lines of one word: a page's menu items ("Allgemein", "Lifestyle", "Diss").</summary>
    private static HashSet<string> MenuItems(string[] texts, Model.LineKind[] kinds)
    {
        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < texts.Length; i++)
            if (kinds[i] != Model.LineKind.Blank && LineClassifier.CountWords(texts[i]) == 1) items.Add(texts[i].Trim());
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
    private static int? HeadlineAboveStandfirst(string[] texts, Model.LineKind[] kinds, int chosen, HashSet<string> menuItems)
    {
        // Pages print headlines in capitals, never their standfirsts.
        if (IsInCapitals(texts[chosen])) return null;
        var above = chosen - 1;
        while (above >= 0 && kinds[above] is Model.LineKind.Blank or Model.LineKind.Metadata) above--;
        if (above < 0 || kinds[above] != Model.LineKind.Content) return null;
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
    /// <see cref="EchoLines"/> lines, and how many lines away the first of them is.</summary>
    private static (int Echoed, int Distance) Echo(string[] texts, Model.LineKind[] kinds, int candidate, HashSet<string> words)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var distance = -1;
        var seen = 0;
        var paragraphs = 0;
        for (var j = candidate + 1; j < texts.Length && seen < EchoLines && paragraphs < EchoParagraphs; j++)
        {
            if (kinds[j] == Model.LineKind.Blank) continue;
            seen++;
            if (!IsParagraph(texts, kinds, j)) continue;
            paragraphs++;
            if (distance < 0) distance = seen - 1;
            foreach (var word in Words(texts[j]))
                if (words.Contains(word)) found.Add(word);
        }
        return distance < 0 ? (0, 0) : (found.Count, distance);
    }

    /// <summary>A metadata line (a byline, a date) within <see cref="BylineLines"/> lines after the
    /// candidate, or right above it: pages print the date over the headline as well as under it
    /// ("April 7, 2020" over a blog post's title, "/ Cory Doctorow / 10:08 am Fri Jul 19, 2013").</summary>
    private static bool HasMetadataBeside(Model.LineKind[] kinds, int candidate)
    {
        var above = candidate - 1;
        while (above >= 0 && kinds[above] == Model.LineKind.Blank) above--;
        if (above >= 0 && kinds[above] == Model.LineKind.Metadata) return true;
        var seen = 0;
        for (var j = candidate + 1; j < kinds.Length && seen < BylineLines; j++)
        {
            if (kinds[j] == Model.LineKind.Blank) continue;
            if (kinds[j] == Model.LineKind.Metadata) return true;
            seen++;
        }
        return false;
    }

    /// <summary>A content line long enough to be a paragraph of body text.</summary>
    internal static bool IsParagraph(string[] texts, Model.LineKind[] kinds, int i) =>
        kinds[i] == Model.LineKind.Content && texts[i].Length >= ParagraphLength;

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
