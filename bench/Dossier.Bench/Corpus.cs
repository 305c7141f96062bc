using Dossier.Core.Model;
using Dossier.Core.Read;

namespace Dossier.Bench;

/// <summary>Benchmark input: the French news corpus in the shared data folder beside the repository.</summary>
internal static class Corpus
{
    public static string DefaultPath() => SharedPath("corpus-fr/orangesum-5k.jsonl");

    /// <summary>A path in the shared data folder ("timeline-en").</summary>
    public static string SharedPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) continue;
            return Path.Combine(dir.Parent!.FullName, "shared", "data", relative);
        }
        throw new DirectoryNotFoundException("repository root not found");
    }

    public static List<SourceDocument> Read(string path, int limit = int.MaxValue) =>
        InputReader.CreateDefault().Read([path]).Where(i => i.Document is not null).Select(i => i.Document!).Take(limit).ToList();
}
