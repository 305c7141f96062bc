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

        foreach (var line in document.Lines)
        {
            if (line.Kind is LineKind.Blank or LineKind.Boilerplate or LineKind.Duplicate) continue;
            var text = document.LineText(line);
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

        if (published is null && lineDate is not null && dateLine is not null)
            published = Complete(document, lineDate, dateLine);
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
        var (weekday, weekdayName) = FirstWeekday(document);
        var latestYear = LatestYearMentioned(document);
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

    private static (int? Day, string? Name) FirstWeekday(AnalysedDocument document)
    {
        if (!LanguageData.Available.Contains(document.Language)) return (null, null);
        var weekdays = LanguageProfile.Get(document.Language).Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in document.Lines)
        {
            if (line.Kind != LineKind.Content) continue;
            var text = document.Text.AsSpan(line.Span.Start, line.Span.Length);
            foreach (var range in text.SplitAny(" ,.;:!?()«»\"'’\u00A0"))
            {
                var word = text[range];
                if (word.Length > 2 && weekdays.TryGetValue(word, out var day)) return (day, word.ToString());
            }
        }
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
    [GeneratedRegex(@"(?<![\d.,]|\d[\u00A0\u202F ])\b(?:19|20)\d{2}\b(?![.,]\d|[\u00A0\u202F ]\d{3}\b)", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex YearNumber();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}))?", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex IsoDate();

    /// <summary>"WASHINGTON —", "PARIS (AFP) - …": a place in capitals and a dash opening the text.</summary>
    [GeneratedRegex(@"^\s*(?<place>\p{Lu}[\p{Lu}'’.-]+(?:\s\p{Lu}[\p{Lu}'’.-]+){0,3})(?:\s*\((?<agency>[^)]{2,30})\))?\s*[-–—]\s", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex DatelinePrefix();
}
