using System.Text.RegularExpressions;
using Dossier.Languages;

namespace Dossier.Core.Tests.Pipeline;

/// <summary>Language knowledge lives in the data files of src/Dossier.Languages, never in code: no
/// string literal of the code under src/ names a language ("fr") or holds a word of a language's
/// data (a month, a weekday, an hour word, an honorific). Messages to the user are English by
/// design and are not language knowledge, so function words are not searched for.</summary>
public partial class LanguageNeutralityTests
{
    /// <summary>"und" is ISO 639's code for an undetermined language, which the code must name.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "und" };

    /// <summary>Formats whose standard fixes English words: RFC 822 dates in feeds ("Mon, 03 Dec"),
    /// HTML's element names ("col").</summary>
    private static readonly HashSet<string> FormatFiles = new(StringComparer.Ordinal)
    {
        "Dossier.Core/Read/Feeds/FeedDate.cs", "Dossier.Core/Read/Html/NestingLimit.cs",
    };

    [Fact]
    public void NoCodeOutsideTheLanguageDataNamesALanguageOrItsWords()
    {
        var codes = LanguageData.Available.ToHashSet(StringComparer.Ordinal);
        var words = LanguageData.Available
            .SelectMany(code => LanguageProfile.Get(code) is var p
                ? p.Months.Keys.Concat(p.Weekdays.Keys).Concat(p.HourWords)
                    .Concat(LanguageData.ReadLines(code, "honorifics.txt").Where(h => !p.Stopwords.Contains(h)))
                : [])
            .Select(w => w.TrimEnd('.'))
            .Where(w => w.Length > 2)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("janvier", words);

        var found = new List<string>();
        foreach (var file in Directory.GetFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SourceFolder(), file).Replace('\\', '/');
            if (relative.StartsWith("Dossier.Languages/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal) || FormatFiles.Contains(relative)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match literal in StringLiteral().Matches(CodeOf(lines[i])))
                {
                    var text = literal.Groups["text"].Value;
                    if (Allowed.Contains(text)) continue;
                    if (codes.Contains(text)) found.Add($"{relative}:{i + 1}: language code \"{text}\"");
                    foreach (Match word in Word().Matches(GroupName().Replace(text, "")))
                        if (words.Contains(word.Value) && !Allowed.Contains(word.Value))
                            found.Add($"{relative}:{i + 1}: word \"{word.Value}\" in \"{text}\"");
                }
            }
        }
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// <summary>A line without its comment.</summary>
    private static string CodeOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal)) return "";
        var comment = line.IndexOf(" //", StringComparison.Ordinal);
        return comment >= 0 ? line[..comment] : line;
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return Path.Combine(dir.FullName, "src");
        throw new DirectoryNotFoundException("src/ not found above the test binaries");
    }

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    /// <summary>A regex group's name ("(?&lt;sep&gt;", "\k&lt;sep&gt;"), which is not text.</summary>
    [GeneratedRegex(@"(?:\(\?|\\k)<\w+>", RegexOptions.CultureInvariant)]
    private static partial Regex GroupName();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
