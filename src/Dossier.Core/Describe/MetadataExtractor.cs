using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Clean;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Languages;

namespace Dossier.Core.Describe;

/// <summary>Reads title, publication date, outlet, author, agency and dateline from the lines the
/// Clean stage marked, and from what the input format states. What the article does not say stays null.</summary>
public sealed partial class MetadataExtractor : IDocumentStage
{
    private readonly LinePatternMatcher _patterns;
    private readonly DateTextParser _dates;

    public MetadataExtractor() : this(LinePatternMatcher.Default, DateTextParser.Default) { }

    public MetadataExtractor(LinePatternMatcher patterns, DateTextParser dates)
    {
        _patterns = patterns;
        _dates = dates;
    }

    public string Name => "describe";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text, Layers.Language, Layers.Lines];
    public IReadOnlyList<string> Provides { get; } = [Layers.Metadata];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        var hints = document.Source.Hints;
        MetadataField? title = hints.Title is { Length: > 0 } t ? new MetadataField(t.Trim(), null, StatedOrigin(document.Source, "title", t)) : null;
        MetadataField? author = hints.Author is { Length: > 0 } a ? new MetadataField(a.Trim(), null, StatedOrigin(document.Source, "author", a)) : null;
        MetadataField? outlet = null, agency = null, dateline = null;
        PublicationDate? published = ParseStatedDate(hints.Published, hints.Published is null ? "" : StatedOrigin(document.Source, "published", hints.Published));
        DateInText? lineDate = null;
        Line? dateLine = null;
        (DateInText Date, Line Line)? stamp = null;

        foreach (var line in document.Lines)
        {
            if (line.Kind is LineKind.Blank or LineKind.Duplicate) continue;
            var text = document.LineText(line);
            // The first stamp of the text, of any kind, is the post's when no date stands by the
            // headline nor in a metadata line: readers' comments come after it.
            if (stamp is null && line.Kind != LineKind.Title && _dates.StampIn(text) is { } stamped) stamp = (stamped, line);
            if (line.Kind == LineKind.Boilerplate) continue;
            if (line.Kind == LineKind.Title)
            {
                title ??= new MetadataField(text.Trim(), line.Number, "headline line");
                continue;
            }
            if (line.Kind == LineKind.Content)
            {
                if (dateline is null && DatelinePrefix().Match(text) is { Success: true } prefix)
                {
                    dateline = new MetadataField(prefix.Groups["place"].Value.Trim(), line.Number, "dateline at the start of a paragraph");
                    agency ??= AgencyIn(prefix.Groups["agency"], line.Number);
                }
                continue;
            }
            // Metadata lines.
            foreach (var (_, segment, match) in _patterns.MatchSegments(text))
            {
                if (match is not null)
                {
                    var groups = match.Match.Groups;
                    if (author is null && groups["author"].Success)
                        author = new MetadataField(groups["author"].Value.Trim(), line.Number, match.Pattern.Origin + ":" + match.Pattern.Role);
                    if (agency is null && groups["agency"].Success)
                        agency = new MetadataField(KnownAgencyIn(groups["agency"].Value), line.Number, match.Pattern.Origin + ":" + match.Pattern.Role);
                }
                else if (outlet is null && LineClassifier.IsDomainName(segment))
                {
                    outlet = new MetadataField(segment, line.Number, "domain name in a metadata line");
                }
            }
            if (dateline is null && DatelinePrefix().Match(text.Trim() + " ") is { Success: true } alone && alone.Length >= text.Trim().Length)
            {
                dateline = new MetadataField(alone.Groups["place"].Value.Trim(), line.Number, "dateline line");
                agency ??= AgencyIn(alone.Groups["agency"], line.Number);
            }
            if (lineDate is null && line.Reason != "sub-heading" && _dates.FindFirst(text) is { } found)
            {
                lineDate = found;
                dateLine = line;
            }
        }

        if (published is null && DateNearHeadline(document, title) is { } near)
            published = Complete(document, near.Date, near.Line);
        if (published is null && lineDate is not null && dateLine is not null)
            published = Complete(document, lineDate, dateLine);
        if (published is null && stamp is { } first)
            published = new PublicationDate(first.Date.ToTimex(), document.LineText(first.Line).Trim(), first.Line.Number, false, "first dated stamp of the text");
        published ??= DateInPath(document.Source.Path);
        published ??= ParseStatedDate(hints.GivenPublished, "date given for inputs stating none (build --published)");
        if (outlet is null && document.Source.Hints.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            outlet = new MetadataField(uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host, null, "url host");

        document.Metadata = new DocumentMetadata
        {
            Title = title,
            Published = published,
            Outlet = outlet,
            Author = author,
            Agency = agency,
            Dateline = dateline,
            Url = hints.Url,
        };
    }

    /// <summary>Lines after a headline that may hold its date (byline, date, share bar, standfirst,
    /// caption), and before it (a date above the headline).</summary>
    private const int DateLinesAfterHeadline = 12;
    private const int DateLinesBeforeHeadline = 4;

    /// <summary>A line longer than this is a paragraph, whose dates are what it reports.</summary>
    private const int DateLineMaxLength = 160;

    /// <summary>Outside a metadata line, a date is the article's only when its line is no sentence:
    /// a byline, a section and a date ("Martin Clavey Politique scientifique française 20 janvier
    /// 2020") or a label ("Publicado el 21 de abril de 2022 a las 22:04h") have a few lower-case
    /// words beside it, a sentence reporting an event on that day ("… said backstage that no-one
    /// could predict what might happen at the Oscars on Feb. 9") a dozen.</summary>
    private const int MaxLowerCaseWordsBesideDate = 6;

    /// <summary>The date shown with the headline: scraped pages put the site's "today" in their
    /// header and other articles' dates in sidebars, the article's own next to its headline, in a
    /// line of any kind ("Publié le 21 février 2011 à 16h56" may read as a sentence). The nearest
    /// after the headline first, then before it; a date with its year before one without.</summary>
    private (DateInText Date, Line Line)? DateNearHeadline(AnalysedDocument document, MetadataField? title)
    {
        if (title?.Line is not { } headline) return null;
        (DateInText, Line)? yearless = null;
        var lines = document.Lines;
        var order = Enumerable.Range(headline, DateLinesAfterHeadline)
            .Concat(Enumerable.Range(Math.Max(0, headline - 1 - DateLinesBeforeHeadline), Math.Min(DateLinesBeforeHeadline, headline - 1)).Reverse());
        foreach (var index in order)
        {
            if (index >= lines.Count) continue;
            var line = lines[index];
            if (line.Kind is LineKind.Blank or LineKind.Duplicate or LineKind.Title) continue;
            var text = document.LineText(line);
            if (_dates.FindFirst(text) is not { } date) continue;
            if (line.Span.Length > DateLineMaxLength)
            {
                if (!OpensLongLine(text, date)) continue;
            }
            else if (line.Kind != LineKind.Metadata && date.LowerCaseWordsBeside(text) > MaxLowerCaseWordsBesideDate) continue;
            if (date.Year is not null) return (date, line);
            yearless ??= (date, line);
        }
        return yearless;
    }

    /// <summary>How far into a long line a date may end and still head it.</summary>
    private const int OpeningDateReach = 60;
    private const int MaxLowerCaseWordsBeforeOpeningDate = 2;

    /// <summary>A date heading a long line, after a label and a name at most: the page's markup glued
    /// the post's date to its author, categories and tags ("Autor johnVeröffentlicht am 20. März
    /// 2014Kategorien Allgemein, News…", "20. April 201713. Juni 2017 Matthias Weber Amazon, …"),
    /// where a paragraph reports its dates further in.</summary>
    private static bool OpensLongLine(string text, DateInText date) =>
        date.Start + date.Length <= OpeningDateReach
        && (date with { Length = text.Length - date.Start }).LowerCaseWordsBeside(text) <= MaxLowerCaseWordsBeforeOpeningDate;

    /// <summary>A full date in the input's path ("2016/07/11/", "2016-07-11-irak.txt"): the last
    /// resort, for files that state none in their text.</summary>
    private PublicationDate? DateInPath(string path)
    {
        foreach (Match m in PathDate().Matches(path))
        {
            var (year, month, day) = (int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return new PublicationDate($"{year:D4}-{month:D2}-{day:D2}", m.Value, null, true, "date in the file's path");
        }
        return null;
    }

    /// <summary>"Agence de presse Xinhua" → "Xinhua": the known agency a source line names, or the line's words as they are.</summary>
    private static string KnownAgencyIn(string source)
    {
        source = source.Trim();
        foreach (var agency in LanguageProfile.Agencies)
        {
            var at = source.IndexOf(agency, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsLetter(source[at - 1])) && (at + agency.Length == source.Length || !char.IsLetter(source[at + agency.Length])))
                return source.Substring(at, agency.Length);
        }
        return source;
    }

    private static MetadataField? AgencyIn(Group group, int line) =>
        group.Success && LanguageProfile.Agencies.Contains(group.Value.Trim()) ? new MetadataField(group.Value.Trim(), line, "agency in the dateline") : null;

    /// <summary>"html:meta[property=og:title]": the format, and where in the source the value was
    /// found when the format says (<see cref="SourceHints.Fields"/>).</summary>
    private static string StatedOrigin(SourceDocument source, string name, string value)
    {
        if (source.Hints.Fields is { } fields)
            foreach (var field in fields)
                if (field.Name == name && field.Value == value) return $"{source.Format}:{field.Origin}";
        return $"{source.Format}:{name}";
    }

    private PublicationDate? ParseStatedDate(string? stated, string origin)
    {
        if (string.IsNullOrWhiteSpace(stated)) return null;
        var iso = IsoDate().Match(stated.Trim());
        if (iso.Success)
        {
            var value = iso.Groups["date"].Value + (iso.Groups["time"].Success ? "T" + iso.Groups["time"].Value : "");
            return new PublicationDate(value, stated, null, false, origin);
        }
        return _dates.FindFirst(stated) is { Year: not null } date ? new PublicationDate(date.ToTimex(), stated, null, false, origin) : null;
    }

    /// <summary>The date of a dateline or "updated" line, its year completed when the line lacks
    /// one. News names the weekday of what it reports, and reports the day of publication or the day
    /// before: so the year is the first one, from the latest year the article mentions, in which the
    /// weekday the article names falls on the publication day or the day before. Never today's year.</summary>
    private PublicationDate Complete(AnalysedDocument document, DateInText date, Line line)
    {
        var text = document.LineText(line).Trim();
        if (date.Year is not null)
            return new PublicationDate(date.ToTimex(), text, line.Number, false, "date in a metadata line");
        var latestYear = LatestYearMentioned(document);
        if (latestYear is not null && WeekdayIn(document.Language, text) is ({ } named, { } namedWord)
            && YearOfWeekday(date, named, latestYear.Value) is { } fitting)
            return new PublicationDate(date.ToTimex(fitting), text, line.Number, true,
                $"year in which {date.Day}/{date.Month} is a '{namedWord}', nearest to {latestYear} mentioned");
        var (weekday, weekdayName) = FirstWeekday(document);
        if (weekday is not null && latestYear is not null)
        {
            for (var year = latestYear.Value; year <= latestYear.Value + 15; year++)
            {
                if (date.Day > DateTime.DaysInMonth(year, date.Month)) continue;
                var published = new DateOnly(year, date.Month, date.Day);
                var iso = (int)published.DayOfWeek == 0 ? 7 : (int)published.DayOfWeek;
                if (iso == weekday || iso == weekday % 7 + 1)
                    return new PublicationDate(date.ToTimex(year), text, line.Number, true,
                        $"year from '{weekdayName}' falling on the day or the day before, in the first year from {latestYear} mentioned");
            }
        }
        return new PublicationDate(date.ToTimex(), text, line.Number, false, "date in a metadata line, year not stated");
    }

    /// <summary>A weekday, day and month fix the year within a window: they recur every 5, 6 or
    /// 11 years. Of the years within <see cref="WeekdayYearWindow"/> of the latest year the article
    /// mentions, the nearest where the day falls on that weekday (the later one on a tie).</summary>
    private const int WeekdayYearWindow = 6;

    private static int? YearOfWeekday(DateInText date, int weekday, int anchor)
    {
        for (var offset = 0; offset <= WeekdayYearWindow; offset++)
            foreach (var year in new[] { anchor + offset, anchor - offset })
            {
                if (date.Day > DateTime.DaysInMonth(year, date.Month)) continue;
                var day = new DateOnly(year, date.Month, date.Day).DayOfWeek;
                if ((day == DayOfWeek.Sunday ? 7 : (int)day) == weekday) return year;
            }
        return null;
    }

    /// <summary>The weekday a short text names ("Daté du jeudi 12 novembre").</summary>
    private static (int? Day, string? Name) WeekdayIn(string language, ReadOnlySpan<char> span)
    {
        if (!LanguageData.Available.Contains(language)) return (null, null);
        var weekdays = LanguageProfile.Get(language).Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in span.SplitAny(WordSeparators))
        {
            var word = span[range];
            if (word.Length > 2 && weekdays.TryGetValue(word, out var day)) return (day, word.ToString());
        }
        return (null, null);
    }

    private const string WordSeparators = " ,.;:!?()«»\"'’\u00A0";

    private static (int? Day, string? Name) FirstWeekday(AnalysedDocument document)
    {
        foreach (var line in document.Lines)
            if (line.Kind == LineKind.Content && WeekdayIn(document.Language, document.LineText(line)) is ({ } day, { } name))
                return (day, name);
        return (null, null);
    }

    private static int? LatestYearMentioned(AnalysedDocument document)
    {
        int? latest = null;
        foreach (var line in document.Lines)
        {
            if (line.Kind != LineKind.Content) continue;
            foreach (Match m in YearNumber().Matches(document.LineText(line)))
            {
                var year = int.Parse(m.ValueSpan, CultureInfo.InvariantCulture);
                if (latest is null || year > latest) latest = year;
            }
        }
        return latest;
    }

    /// <summary>A four-digit year standing alone (not part of "4 100" or "3.900").</summary>
    [GeneratedRegex(@"(?<![\d.,]|\d[\u00A0\u202F ])\b(?:19|20)\d{2}\b(?![.,]\d|[\u00A0\u202F ]\d{3}\b)", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex YearNumber();

    /// <summary>Year, month and day in a path, joined by '-', '_', '/' or nothing ("20160711").</summary>
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?<sep>[-_/]?)(?<m>0[1-9]|1[0-2])\k<sep>(?<d>0[1-9]|[12]\d|3[01])(?!\d)", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex PathDate();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}))?", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex IsoDate();

    /// <summary>"WASHINGTON —", "PARIS (AFP) - …": a place in capitals and a dash opening the text.</summary>
    [GeneratedRegex(@"^\s*(?<place>\p{Lu}[\p{Lu}'’.-]+(?:\s\p{Lu}[\p{Lu}'’.-]+){0,3})(?:\s*\((?<agency>[^)]{2,30})\))?\s*[-–—]\s", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex DatelinePrefix();
}
