using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dossier.Bench;

/// <summary>Synthetic news for scale runs, as JSON lines: each article takes the sentences of a real
/// one (orangesum-5k in French, the timeline-en articles in English), drops about one in five,
/// inserts one or two sentences of another real article, and varies its names and figures. Names
/// (capitalised words inside a sentence) get one of many suffixes, chosen per article "variant", so
/// that a name recurs across the articles of one variant and resolution, stories and duplicates
/// have real work; figures of three digits or more (not years) are scaled by 0.7–1.3; publication
/// dates move by up to a month. Article i is the same
/// for a given seed whatever the count.</summary>
internal static partial class SyntheticCorpus
{
    private static readonly string[] Suffixes = ["", "ek", "ard", "ini", "sen", "ov", "ez", "ier", "ac", "elli", "berg", "ot", "ska", "ano", "ius", "by"];

    private sealed record Source(string Title, string? Date, string[] Sentences);

    /// <summary>`generate N OUT.jsonl [--seed S]`.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: Dossier.Bench generate N OUT.jsonl [--seed S]");
            return 2;
        }
        var seed = Array.IndexOf(args, "--seed") is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1;
        Write(args[1], 0, count, seed);
        Console.WriteLine($"wrote {count} articles to {args[1]}");
        return 0;
    }

    /// <summary>Writes articles first … first+count-1.</summary>
    public static void Write(string path, int first, int count, int seed)
    {
        var sources = LoadSources();
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = first; i < first + count; i++)
            output.WriteLine(Article(sources, i, seed));
    }

    private static string Article(List<Source> sources, int index, int seed)
    {
        // Not HashCode.Combine: its seed is drawn anew in every process, so that two runs of the benchmark
        // added different articles to the same kept dossier.
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var basis = sources[random.Next(sources.Count)];
        // As many variants as times each real article is reused, so a name's variant recurs across articles.
        var variant = random.Next(Math.Max(1, index / sources.Count + 1));
        var sentences = basis.Sentences.Where(_ => random.NextDouble() >= 0.2).ToList();
        if (sentences.Count == 0) sentences.Add(basis.Sentences[0]);
        for (var k = random.Next(1, 3); k > 0; k--)
        {
            var other = sources[random.Next(sources.Count)].Sentences;
            sentences.Insert(random.Next(sentences.Count + 1), other[random.Next(other.Length)]);
        }
        var factor = 0.7 + 0.6 * random.NextDouble();
        string Vary(string text) => Figure().Replace(Name().Replace(text, m => m.Value + Suffix(variant)),
            m => long.Parse(m.Value, CultureInfo.InvariantCulture) is var n && n is >= 1900 and <= 2100 ? m.Value
                : Math.Round(n * factor).ToString(CultureInfo.InvariantCulture));
        var date = basis.Date is { } d && DateOnly.TryParse(d, CultureInfo.InvariantCulture, out var day)
            ? day.AddDays(random.Next(-30, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = $"gen-{seed}-{index}",
            ["title"] = Vary(basis.Title),
            ["published"] = date,
            ["text"] = Vary(string.Join(' ', sentences)),
        });
    }

    private static string Suffix(int variant) => variant == 0 ? "" : Suffixes[variant % Suffixes.Length] + (variant >= Suffixes.Length ? Suffixes[variant / Suffixes.Length % Suffixes.Length] : "");

    private static List<Source> LoadSources()
    {
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(Corpus.DefaultPath()))!;
        var sources = new List<Source>();
        foreach (var line in File.ReadLines(Corpus.DefaultPath()))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("article", out var text) && text.GetString() is { Length: > 0 } article)
                sources.Add(new Source(root.GetProperty("title").GetString() ?? "", root.GetProperty("date").GetString(), Sentences(article)));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "timeline-en"), "articles.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in json.RootElement.EnumerateArray())
            {
                var sentences = Sentences(item.GetProperty("text").GetString() ?? "");
                if (sentences.Length > 1) sources.Add(new Source(sentences[0], item.GetProperty("dct").GetString(), sentences[1..]));
            }
        }
        return sources;
    }

    private static string[] Sentences(string text) => SentenceEnd().Split(text).Where(s => s.Length > 0).ToArray();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    /// <summary>A capitalised word after another word: a name, most of the time.</summary>
    [GeneratedRegex(@"(?<=\p{L}[,]? )\p{Lu}\p{Ll}{2,}\b")]
    private static partial Regex Name();

    /// <summary>Numbers of three digits or more; years (1900–2100) are left as they are.</summary>
    [GeneratedRegex(@"\b\d{3,6}\b")]
    private static partial Regex Figure();
}
