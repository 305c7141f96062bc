using System.Text.Json;

namespace Dossier.Bench;

/// <summary>`languages [ARTICLES]`: the whole build (`ingest`) on English articles (Timeline17,
/// every folder of timeline-en in turn, as JSON lines with their publication day) and then on as
/// many French ones (OrangeSum), in one run, so that their KB/s per core compare.</summary>
internal static class LanguageThroughput
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var english = Path.Combine(Path.GetTempPath(), $"dossier-bench-en-{Environment.ProcessId}.jsonl");
        var french = Path.Combine(Path.GetTempPath(), $"dossier-bench-fr-{Environment.ProcessId}.jsonl");
        try
        {
            var articles = Directory.GetFiles(Corpus.SharedPath("timeline-en"), "articles.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateArray().Select(a => (Folder: Path.GetFileName(Path.GetDirectoryName(file)!), Article: a)))
                .Where(x => x.Article.GetProperty("text").GetString()!.Length > 0)
                .Take(count)
                .Select(x => JsonSerializer.Serialize(new
                {
                    id = $"{x.Folder}-{x.Article.GetProperty("uid").GetString()}",
                    text = x.Article.GetProperty("text").GetString(),
                    published = x.Article.GetProperty("dct").GetString(),
                }));
            File.WriteAllLines(english, articles);
            File.WriteAllLines(french, File.ReadLines(Corpus.DefaultPath()).Take(count));
            Console.WriteLine("English (timeline-en):");
            var status = IngestThroughput.Run([english]);
            Console.WriteLine("French (orangesum-5k):");
            return Math.Max(status, IngestThroughput.Run([french]));
        }
        finally
        {
            File.Delete(english);
            File.Delete(french);
        }
    }
}
