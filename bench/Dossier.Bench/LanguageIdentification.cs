using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Core.Describe;

namespace Dossier.Bench;

/// <summary>`language-id [PER_LANGUAGE]`: language identification on real articles, whole (long)
/// and cut to their first sentences under 300 characters (short). French: OrangeSum articles
/// (corpus-fr); English: Timeline17 articles (timeline-en); every other language: the saved pages of
/// html-dev and html-maintext-dev, read as a build reads them (main text only), labelled by their
/// &lt;html lang&gt; attribute. A language with no data folder is right when named "und". The pages
/// are few for most languages: the table says how many there are.</summary>
internal static partial class LanguageIdentification
{
    public static int Run(string[] args)
    {
        var perLanguage = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var identifier = new LanguageIdentifier();
        var known = Dossier.Languages.LanguageData.Available.ToHashSet(StringComparer.Ordinal);
        var articles = French(perLanguage).Select(t => ("fr", "corpus-fr", t))
            .Concat(English(perLanguage).Select(t => ("en", "timeline-en", t)))
            .Concat(Pages().Where(p => p.Label is not ("fr" or "en")).Select(p => (p.Label, p.File, p.Text)))
            .ToList();
        Console.WriteLine("| language | source | articles | long right | long wrong | long und | short right | short wrong | short und |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in articles.GroupBy(a => a.Item1).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var expected = known.Contains(group.Key) ? group.Key : LanguageIdentifier.Unknown;
            var items = group.Take(perLanguage).ToList();
            var longNames = items.Select(a => identifier.Identify(a.Item3)).ToList();
            var shortNames = items.Select(a => identifier.Identify(Lead(a.Item3))).ToList();
            string Cells(List<string> names) =>
                $"{names.Count(n => n == expected)} | {names.Count(n => n != expected && n != LanguageIdentifier.Unknown)} | {(expected == LanguageIdentifier.Unknown ? "-" : names.Count(n => n == LanguageIdentifier.Unknown).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            var source = items.Select(a => a.Item2).Distinct().Count() == 1 ? items[0].Item2 : "saved pages";
            Console.WriteLine($"| {group.Key}{(expected == group.Key ? "" : " (no data: und is right)")} | {source} | {items.Count} | {Cells(longNames)} | {Cells(shortNames)} |");
            for (var i = 0; i < items.Count; i++)
                if (longNames[i] != expected || shortNames[i] != expected)
                    Console.Error.WriteLine($"  {group.Key} {items[i].Item2}: long {longNames[i]}, short {shortNames[i]}: {Lead(items[i].Item3).ReplaceLineEndings(" ")[..Math.Min(100, Lead(items[i].Item3).Length)]}");
        }
        return 0;
    }

    /// <summary>The first sentences of a text that fit in under 300 characters (else its first words).</summary>
    private static string Lead(string text)
    {
        var cut = text[..Math.Min(text.Length, 299)];
        var end = cut.LastIndexOf(". ", StringComparison.Ordinal);
        var space = cut.LastIndexOf(' ');
        return end > 100 ? cut[..(end + 1)] : space > 0 ? cut[..space] : cut;
    }

    private static IEnumerable<string> French(int count) =>
        File.ReadLines(Corpus.DefaultPath()).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString()!)
            .Where(t => t.Length >= 300).Take(count);

    /// <summary>Timeline17 articles, at most 20 from each story so that the stories mix.</summary>
    private static IEnumerable<string> English(int count) =>
        Directory.GetFiles(Corpus.SharedPath("timeline-en"), "articles.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray()
                .Select(a => a.GetProperty("text").GetString()!).Where(t => t.Length >= 300).Take(20))
            .Take(count);

    /// <summary>Pages whose &lt;html lang&gt; is not the language of their main text, found by reading
    /// every page the identifier disagreed with: denkanstoos.com's page is an English agenda on a
    /// German site.</summary>
    private static readonly Dictionary<string, string> CheckedLabels = new(StringComparer.Ordinal) { ["denkanstoos.com.2012.html"] = "en" };

    /// <summary>Every saved page with a language on its &lt;html&gt; element and some main text.</summary>
    private static IEnumerable<(string Label, string File, string Text)> Pages()
    {
        foreach (var folder in new[] { "html-dev/pages", "html-maintext-dev/pages" })
            foreach (var file in Directory.GetFiles(Corpus.SharedPath(folder)).Order(StringComparer.Ordinal))
            {
                var match = HtmlLanguage().Match(File.ReadAllText(file, System.Text.Encoding.Latin1));
                if (!match.Success) continue;
                var text = Corpus.Read(file).FirstOrDefault()?.Text;
                var name = Path.GetFileName(file);
                if (text is { Length: > 0 }) yield return (CheckedLabels.GetValueOrDefault(name) ?? match.Groups["code"].Value.ToLowerInvariant(), name, text);
            }
    }

    [GeneratedRegex(@"<html\b[^>]*?\blang\s*=\s*[""']?(?<code>[A-Za-z]{2,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLanguage();
}
