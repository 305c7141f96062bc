using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Core.Read;
using Dossier.Languages;
using Dossier.Core.Describe;
using Dossier.Core.Recognize.Entities;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Describe;

/// <summary>Language identification on 200 real texts per language from the shared data, whole
/// (long) and cut to their first sentences under 300 characters (short): French OrangeSum
/// articles, English Timeline17 articles, Spanish and German WikiNEuRal paragraphs of 12
/// consecutive sentences; and on every saved page with a declared language (fewer: the pages there are). Some texts are rightly "und": the English set holds Vietnamese pages.</summary>
public partial class LanguageIdentificationTests
{
    private const int PerLanguage = 200;
    private static readonly LanguageIdentifier Identifier = new();

    public static TheoryData<string, string, double, int> Floors => new()
    {
        // language, length, least share named right, most named wrongly (not "und")
        { "fr", "long", 1.0, 0 }, { "fr", "short", 0.985, 1 },
        { "en", "long", 0.99, 0 }, { "en", "short", 0.98, 0 },
        { "es", "long", 1.0, 0 }, { "es", "short", 0.98, 1 },
        { "de", "long", 1.0, 0 }, { "de", "short", 0.99, 0 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void RealArticlesAreNamedAndRarelyMisnamed(string language, string length, double least, int mostWrong)
    {
        var texts = Articles(language).Select(t => length == "short" ? Lead(t) : t).ToArray();
        Assert.Equal(PerLanguage, texts.Length);
        var named = texts.Select(t => Identifier.Identify(t)).ToArray();
        var right = named.Count(n => n == language);
        var wrong = named.Count(n => n != language && n != LanguageIdentifier.Unknown);
        Assert.True(right >= least * PerLanguage, $"{language} {length}: {right}/{PerLanguage} named right, {wrong} wrongly");
        Assert.True(wrong <= mostWrong, $"{language} {length}: {wrong} named wrongly");
    }

    /// <summary>Saved pages of html-dev and html-maintext-dev, their main text read as a build reads
    /// it, labelled by the page's &lt;html lang&gt; (checked by reading the pages the identifier
    /// disagreed with; one German-site page holds an English agenda and is left out). Only these
    /// pages exist for German (106), Spanish (17), Portuguese (3) and Italian (1); Finnish, Polish
    /// and Arabic have no data and must be "und". Long: the whole main text; short: its lead.</summary>
    [Theory]
    [InlineData("de", 105, 100)]
    [InlineData("es", 17, 17)]
    [InlineData("pt", 3, 3)]
    [InlineData("it", 1, 1)]
    [InlineData("fi", 1, 1)]
    [InlineData("pl", 1, 1)]
    [InlineData("ar", 1, 1)]
    public void SavedPagesAreNamedByTheirMainText(string label, int leastLong, int leastShort)
    {
        var expected = LanguageData.Available.Contains(label) ? label : LanguageIdentifier.Unknown;
        var texts = Pages.Value.Where(p => p.Label == label).Select(p => p.Text).ToArray();
        var longNames = texts.Select(t => Identifier.Identify(t)).ToArray();
        var shortNames = texts.Select(t => Identifier.Identify(Lead(t))).ToArray();
        Assert.True(longNames.Count(n => n == expected) >= leastLong, $"{label} long: {string.Join(' ', longNames)}");
        Assert.True(shortNames.Count(n => n == expected) >= leastShort, $"{label} short: {string.Join(' ', shortNames)}");
        Assert.DoesNotContain(longNames, n => n != expected && n != LanguageIdentifier.Unknown);
    }

    private static readonly Lazy<(string Label, string Text)[]> Pages = new(() =>
        new[] { "html-dev/pages", "html-maintext-dev/pages" }.SelectMany(folder => Directory.GetFiles(SharedData.PathOf(folder)))
            .Where(file => !file.EndsWith("denkanstoos.com.2012.html", StringComparison.Ordinal))
            .Select(file => (Label: HtmlLanguage().Match(File.ReadAllText(file, Encoding.Latin1)), File: file))
            .Where(page => page.Label.Success)
            .Select(page => (page.Label.Groups["code"].Value.ToLowerInvariant(), InputReader.CreateDefault().Read([page.File]).Where(item => item.Document is not null).Select(item => item.Document!.Text).FirstOrDefault() ?? ""))
            .Where(page => page.Item2.Length > 0).ToArray());

    [GeneratedRegex(@"<html\b[^>]*?\blang\s*=\s*[""']?(?<code>[A-Za-z]{2,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLanguage();

    /// <summary>Article 1 of the Universal Declaration of Human Rights: Italian and Portuguese are
    /// named; Dutch, Polish and Swedish, which have no data, are unknown rather than guessed.</summary>
    [Theory]
    [InlineData("Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti. Essi sono dotati di ragione e di coscienza e devono agire gli uni verso gli altri in spirito di fratellanza.", "it")]
    [InlineData("Todos os seres humanos nascem livres e iguais em dignidade e em direitos. Dotados de razão e de consciência, devem agir uns para com os outros em espírito de fraternidade.", "pt")]
    [InlineData("Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros.", "es")]
    [InlineData("Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.", "de")]
    [InlineData("Alle mensen worden vrij en gelijk in waardigheid en rechten geboren. Zij zijn begiftigd met verstand en geweten, en behoren zich jegens elkander in een geest van broederschap te gedragen.", "und")]
    [InlineData("Wszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw. Są oni obdarzeni rozumem i sumieniem i powinni postępować wobec innych w duchu braterstwa.", "und")]
    [InlineData("Alla människor är födda fria och lika i värde och rättigheter. De är utrustade med förnuft och samvete och bör handla gentemot varandra i en anda av broderskap.", "und")]
    public void ShortTextsOfOtherLanguages(string text, string language) =>
        Assert.Equal(language, Identifier.Identify(text));

    /// <summary>The first sentences of a text that fit in under 300 characters (else its first words).</summary>
    private static string Lead(string text)
    {
        var cut = text[..Math.Min(text.Length, 299)];
        var end = cut.LastIndexOf(". ", StringComparison.Ordinal);
        return end > 100 ? cut[..(end + 1)] : cut[..cut.LastIndexOf(' ')];
    }

    private static IEnumerable<string> Articles(string language) => language switch
    {
        "fr" => File.ReadLines(SharedData.PathOf("corpus-fr/orangesum-5k.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString()!)
            .Where(t => t.Length >= 300).Take(PerLanguage),
        "en" => Directory.GetFiles(SharedData.PathOf("timeline-en"), "articles.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray()
                .Select(a => a.GetProperty("text").GetString()!).Where(t => t.Length >= 300).Take(20))
            .Take(PerLanguage),
        _ => ConllFile.Read(SharedData.PathOf($"ner-{language}/wikineural-{language}.train.iob2"), requireTags: true)
            .Select(s => string.Join(' ', s.Tokens)).Chunk(12).Select(c => string.Join(' ', c)).Take(PerLanguage),
    };
}
