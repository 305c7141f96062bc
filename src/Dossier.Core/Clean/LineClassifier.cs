using System.Text.RegularExpressions;
using Dossier.Core.Describe;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Languages;

namespace Dossier.Core.Clean;

/// <summary>Gives every line of an article its kind: title, metadata, boilerplate, duplicate or
/// content. Language knowledge comes from the lines.tsv files; what is here are the layout rules
/// that hold in any language (a headline before the body, a sub-heading between paragraphs, page
/// furniture after the comment form).</summary>
public sealed partial class LineClassifier : IDocumentStage
{
    private readonly LinePatternMatcher _patterns;
    private readonly DateTextParser _dates;
    private readonly LogisticModel? _layout;
    private readonly LogisticModel? _headlines;

    public LineClassifier() : this(LinePatternMatcher.Default, DateTextParser.Default, LineLayout.Model, HeadlineFinder.Model) { }

    /// <param name="layout">Judges the lines the rules leave as content by their shape; null keeps
    /// the rules' kinds (as the layout model's trainer needs them).</param>
    /// <param name="headlines">Ranks the candidate lines for the headline (<see cref="HeadlineFinder"/>).</param>
    public LineClassifier(LinePatternMatcher patterns, DateTextParser dates, LogisticModel? layout, LogisticModel? headlines)
    {
        _patterns = patterns;
        _dates = dates;
        _layout = layout;
        _headlines = headlines;
    }

    /// <summary>Below this probability of being the article's own text, a line is page furniture.
    /// Under one half: a line of the article set aside costs the reader more than a line of
    /// furniture kept.</summary>
    private const float MinContentProbability = 0.4f;

    /// <summary>Paragraphs of text that must come before a line that ends the article (a comment form)
    /// or a comment thread.</summary>
    private const int TailAfterParagraphs = 2;

    /// <summary>The longest value a label on the line above may give (a name, a date).</summary>
    private const int MaxLabelValueWords = 6;

    public string Name => "clean";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text, Layers.Language];
    public IReadOnlyList<string> Provides { get; } = [Layers.Lines];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        var (spans, texts, kinds, reasons) = ClassifyBeforeHeadline(document);
        var headline = MarkTitle(document, texts, kinds, reasons);
        var inNumberedList = NumberedLists.Find(texts, kinds);
        if (!document.Source.Hints.LinesAreBlocks) MarkSubHeadings(texts, kinds, reasons);
        var duplicateOf = MarkDuplicates(texts, kinds, reasons);
        // Blocks read from markup were chosen by the page's structure already; the layout model
        // judges text that kept nothing but its lines.
        if (_layout is not null && !document.Source.Hints.LinesAreBlocks) MarkByLayout(_layout, texts, kinds, reasons, headline, inNumberedList);

        var lines = new Line[spans.Count];
        for (var i = 0; i < spans.Count; i++)
            lines[i] = new Line(i + 1, spans[i], kinds[i], reasons[i], duplicateOf.TryGetValue(i, out var of) ? of + 1 : null);
        document.Lines = lines;
    }

    /// <summary>Each line's text and the kind the rules give it before the headline is chosen: what
    /// the headline ranker reads its candidates from (<see cref="HeadlineFinder.Candidates"/>).</summary>
    public (string[] Texts, LineKind[] Kinds) LinesBeforeHeadline(AnalysedDocument document)
    {
        var (_, texts, kinds, _) = ClassifyBeforeHeadline(document);
        return (texts, kinds);
    }

    private (List<TextSpan> Spans, string[] Texts, LineKind[] Kinds, string[] Reasons) ClassifyBeforeHeadline(AnalysedDocument document)
    {
        var text = document.Text;
        var spans = LineSplitter.Split(text);
        var kinds = new LineKind[spans.Count];
        var reasons = new string[spans.Count];
        var texts = new string[spans.Count];
        string? tailReason = null;
        string? label = null;
        var paragraphs = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var line = texts[i] = text.Substring(spans[i].Start, spans[i].Length);
            if (LineSplitter.IsBlank(line)) { kinds[i] = LineKind.Blank; reasons[i] = ""; continue; }
            if (tailReason is not null) { kinds[i] = LineKind.Boilerplate; reasons[i] = tailReason; continue; }
            var labelAbove = label;
            (kinds[i], reasons[i]) = ClassifyAlone(line.Trim(), out var startsTail, out label);
            if (labelAbove is not null && kinds[i] == LineKind.Content && CountWords(line) <= MaxLabelValueWords)
                (kinds[i], reasons[i]) = (LineKind.Metadata, $"{labelAbove}, under its label");
            if (kinds[i] == LineKind.Content && line.Length >= HeadlineFinder.ParagraphLength) paragraphs++;
            // A comment form ends the article only after the article: scraped pages also show a
            // "Leave a comment" link under the headline.
            if (startsTail && paragraphs >= TailAfterParagraphs) tailReason = $"after line {i + 1} ({reasons[i]})";
        }
        // Blocks read from markup were chosen by the page's structure already (its comments left out).
        if (!document.Source.Hints.LinesAreBlocks) CommentThreads.Mark(texts, kinds, reasons, _dates, TailAfterParagraphs);
        return (spans, texts, kinds, reasons);
    }

    /// <summary>What a line is by itself, before its neighbours are considered.</summary>
    /// <param name="label">The reason of a label whose value is on the next line ("By" above a name), else null.</param>
    private (LineKind Kind, string Reason) ClassifyAlone(string line, out bool startsTail, out string? label)
    {
        startsTail = false;
        label = null;
        var segments = _patterns.MatchSegments(line);
        var allMetadata = true;
        string? metadataReason = null;
        foreach (var (_, segment, match) in segments)
        {
            if (match is { Pattern.Kind: LinePatternKind.Boilerplate or LinePatternKind.BoilerplateTail })
            {
                startsTail = match.Pattern.Kind == LinePatternKind.BoilerplateTail;
                return (LineKind.Boilerplate, Describe(match));
            }
            if (match is { Pattern.Kind: LinePatternKind.MetadataLabel } && segments.Count == 1) label = Describe(match);
            if (match is { Pattern.Kind: LinePatternKind.Metadata or LinePatternKind.MetadataLabel }) metadataReason ??= Describe(match);
            else if (IsDomainName(segment)) metadataReason ??= "outlet name";
            else if (IsDateOnly(segment)) metadataReason ??= "date line";
            else allMetadata = false;
        }
        if (allMetadata && metadataReason is not null) return (LineKind.Metadata, metadataReason);
        if (DatelineAlone().IsMatch(line)) return (LineKind.Metadata, "dateline");
        if (IsFragment(line)) return (LineKind.Boilerplate, "fragment (no word of four letters)");
        return (LineKind.Content, "");
    }

    private static string Describe(LinePatternMatch match) => $"{match.Pattern.Origin}:{match.Pattern.Role}";

    public static bool IsDomainName(string segment) => DomainName().IsMatch(segment);

    /// <summary>A short segment that is mostly one explicit date ("11 juil. 2016, 18:56"), with
    /// perhaps the count of its comments after it ("14. Januar 2020, 9:21 Uhr 571 Kommentare").</summary>
    private bool IsDateOnly(string segment)
    {
        if (segment.Length > 60 || _dates.FindFirst(segment) is not { } date) return false;
        var count = TrailingCount().Match(segment, date.Start + date.Length);
        var countLetters = count.Success ? count.Value.Count(char.IsLetter) : 0;
        // Room for a weekday name and a connective ("mardi 19 avril 2016 à 18:56").
        return date.LettersBeside(segment) - countLetters <= 12;
    }

    /// <summary>A post's stamp: a short line giving a full date among a few words.</summary>
    public bool IsStamp(string line) => _dates.StampIn(line) is not null;

    /// <summary>No word of four letters or more and no digit: a stray fragment ("in", "|", "* * *").</summary>
    private static bool IsFragment(string line)
    {
        var run = 0;
        foreach (var c in line)
        {
            if (char.IsDigit(c)) return false;
            run = char.IsLetter(c) ? run + 1 : 0;
            if (run >= 4) return false;
        }
        return true;
    }

    /// <summary>Lines the rules leave as content but whose shape and place read as page furniture
    /// (menus, teasers, share bars, footers) become boilerplate, unless they are items of a numbered
    /// list, whose numbering says they are the article's whatever their shape.</summary>
    private static void MarkByLayout(LogisticModel layout, string[] texts, LineKind[] kinds, string[] reasons, int headline, bool[] inNumberedList)
    {
        var features = LineLayout.Of(texts, kinds, headline);
        for (var i = 0; i < texts.Length; i++)
        {
            if (kinds[i] != LineKind.Content || inNumberedList[i] || features[i] is not { } vector) continue;
            var probability = layout.Probability(vector);
            if (probability >= MinContentProbability) continue;
            kinds[i] = LineKind.Boilerplate;
            reasons[i] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"layout ({probability:0.00} article text)");
        }
    }

    /// <summary>The headline: the first content line, when it reads as a headline (a few words, no
    /// final period) and body text follows. A title the input states (a JSON field) marks its line.
    /// Returns the headline's index, or -1.</summary>
    private int MarkTitle(AnalysedDocument document, string[] texts, LineKind[] kinds, string[] reasons)
    {
        var stated = document.Source.Hints.Title;
        if (stated is not null)
        {
            var fingerprint = LineFingerprint.Of(stated);
            for (var i = 0; i < texts.Length; i++)
            {
                if (kinds[i] == LineKind.Content && LineFingerprint.Of(texts[i]) == fingerprint)
                {
                    kinds[i] = LineKind.Title; reasons[i] = "the stated title";
                    return i;
                }
            }
            return -1;
        }
        // The rules say whether the text has a headline (an article given from its first paragraph
        // has none); the ranker, when there is one, says which line it is.
        var headline = HeadlineFinder.Find(texts, kinds, IsStamp);
        if (headline >= 0 && _headlines is not null && HeadlineFinder.Find(texts, kinds, IsStamp, _headlines) is >= 0 and var ranked) headline = ranked;
        if (headline >= 0)
        {
            kinds[headline] = LineKind.Title;
            reasons[headline] = "headline shape, echoed by the paragraphs after it";
            // Above the headline of scraped text is the page's header: menus, tickers, other
            // articles' links. Unless it holds paragraphs of text, and the headline may be wrong.
            var above = Enumerable.Range(0, headline).Count(i => HeadlineFinder.IsParagraph(texts, kinds, i));
            if (above <= HeadlineFinder.MaxParagraphsAboveHeadline)
                for (var i = 0; i < headline; i++)
                    if (kinds[i] == LineKind.Content) { kinds[i] = LineKind.Boilerplate; reasons[i] = "page header, above the headline"; }
            return headline;
        }
        var first = Array.IndexOf(kinds, LineKind.Content);
        if (first < 0 || !HeadlineFinder.IsHeadlineShaped(texts[first].Trim())) return -1;
        if (Array.IndexOf(kinds, LineKind.Content, first + 1) < 0) return -1;
        kinds[first] = LineKind.Title;
        reasons[first] = "first line, headline shape";
        return first;
    }

    /// <summary>A short line without final punctuation between two paragraphs is a sub-heading.</summary>
    private static void MarkSubHeadings(string[] texts, LineKind[] kinds, string[] reasons)
    {
        var seenBody = false;
        for (var i = 0; i < texts.Length; i++)
        {
            if (kinds[i] != LineKind.Content) continue;
            var line = texts[i].Trim();
            if (seenBody && line.Length <= 90 && CountWords(line) <= 10 && (char.IsUpper(line[0]) || char.IsDigit(line[0]))
                && !".!?…:;,\"»”)'".Contains(line[^1], StringComparison.Ordinal))
            {
                var next = NextNonBlank(kinds, i);
                if (next >= 0 && kinds[next] == LineKind.Content && texts[next].Trim().Length > 2 * line.Length)
                {
                    kinds[i] = LineKind.Metadata;
                    reasons[i] = "sub-heading";
                    continue;
                }
            }
            seenBody = true;
        }
    }

    private static Dictionary<int, int> MarkDuplicates(string[] texts, LineKind[] kinds, string[] reasons)
    {
        var contentIndexes = new List<int>();
        for (var i = 0; i < kinds.Length; i++)
            if (kinds[i] == LineKind.Content) contentIndexes.Add(i);
        var found = DuplicateLineFinder.Find(contentIndexes.Select(i => texts[i]).ToArray());
        var result = new Dictionary<int, int>(found.Count);
        foreach (var (duplicate, original) in found)
        {
            var line = contentIndexes[duplicate];
            var of = contentIndexes[original];
            kinds[line] = LineKind.Duplicate;
            reasons[line] = $"repeats line {of + 1}";
            result[line] = of;
        }
        return result;
    }

    private static int NextNonBlank(LineKind[] kinds, int i)
    {
        for (var j = i + 1; j < kinds.Length; j++)
            if (kinds[j] != LineKind.Blank) return j;
        return -1;
    }

    internal static int CountWords(string line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord) words++;
            inWord = isWordChar;
        }
        return words;
    }

    /// <summary>A number and one word closing a line, as pages print a count of comments or shares
    /// beside an article's date: "571 Kommentare", "(1 Kommentar)".</summary>
    [GeneratedRegex(@"\(?\d+\s+\p{L}+\)?\s*$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex TrailingCount();

    [GeneratedRegex(@"^(www\.)?[\p{L}\d-]+(\.[\p{L}\d-]+)*\.[a-z]{2,6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex DomainName();

    /// <summary>A place name in capitals alone on its line, with an optional agency: "WASHINGTON —", "PARIS (AFP) -".</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}'’ .-]{2,40}(\s*\([^)]{2,30}\))?\s*[-–—:]?\s*$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex DatelineAlone();
}
