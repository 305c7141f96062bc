using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>Input files for reader tests: real pages from the shared data folder (beside the
/// repository), the small feed and archive fixtures in Fixtures/Inputs, and scratch copies.</summary>
public static class InputFiles
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    public static string RepoRoot { get; } = FindRoot();

    public static string SharedPage(string set, string name) =>
        Path.Combine(Directory.GetParent(RepoRoot)!.FullName, "shared", "data", set, "pages", name);

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Dossier.Core.Tests", "Fixtures", "Inputs", name);

    /// <summary>Everything the default reader yields for the paths: documents and problems in order.</summary>
    public static List<ReadItem> Read(params string[] paths) => InputReader.CreateDefault().Read(paths).ToList();

    public static List<SourceDocument> Documents(this List<ReadItem> items) => items.Where(i => i.Document is not null).Select(i => i.Document!).ToList();

    public static List<InputProblem> Problems(this List<ReadItem> items) => items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();

    public static AnalysedDocument Analyse(SourceDocument document) => Pipeline.Run(document);

    /// <summary>The single document read from one file, analysed.</summary>
    public static AnalysedDocument AnalyseFile(string path) => Analyse(Read(path).Documents().Single());

    /// <summary>JSON lines read as one file of articles, analysed as documents d1, d2, … of one dossier.</summary>
    public static List<ExportedDocument> ReadJsonLines(IEnumerable<string> lines)
    {
        var path = Path.Combine(ScratchFolder(), "articles.jsonl");
        File.WriteAllLines(path, lines);
        return Read(path).Documents().Select((document, i) => new ExportedDocument($"d{i + 1}", Analyse(document))).ToList();
    }

    public static IEnumerable<string> ContentLines(this AnalysedDocument document) =>
        document.Lines.Where(l => l.Kind is LineKind.Content or LineKind.Title).Select(document.LineText);

    /// <summary>Every scratch folder of this test run sits in one folder, deleted when the run
    /// ends, so that runs do not leave their copies behind in the system temp folder.</summary>
    private static readonly string ScratchRoot = CreateScratchRoot();

    /// <summary>A fresh scratch folder, deleted with the others when the test run ends.</summary>
    public static string ScratchFolder() => Directory.CreateDirectory(Path.Combine(ScratchRoot, Guid.NewGuid().ToString("N"))).FullName;

    private static string CreateScratchRoot()
    {
        var root = Directory.CreateTempSubdirectory("dossier-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Dossier.slnx not found above the test binaries");
    }
}
