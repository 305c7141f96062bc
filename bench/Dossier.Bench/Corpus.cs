using Dossier.Core.Model;
using Dossier.Core.Read;

namespace Dossier.Bench;

/// <summary>Benchmark input: the French news corpus in the shared data folder beside the repository.</summary>
internal static class Corpus
{
    public static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) continue;
            return Path.Combine(dir.Parent!.FullName, "shared", "data", "corpus-fr", "orangesum-5k.jsonl");
        }
        throw new DirectoryNotFoundException("repository root not found");
    }

    public static List<SourceDocument> Read(string path, int limit = int.MaxValue) =>
        InputReader.CreateDefault().Read([path]).Where(i => i.Document is not null).Select(i => i.Document!).Take(limit).ToList();
}
