using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>The five seed articles shipped in samples/, read and analysed as a user's build would.</summary>
public static class Samples
{
    public static string Folder { get; } = FindFolder();

    private static readonly DocumentPipeline Pipeline = DocumentPipeline.CreateDefault();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static AnalysedDocument Analyse(string name)
    {
        var item = InputReader.CreateDefault().Read([PathOf(name)]).Single();
        Assert.Null(item.Problem);
        return Pipeline.Run(item.Document!);
    }

    /// <param name="published">The publication date a record states beside the text (as a JSON line's "published").</param>
    public static AnalysedDocument AnalyseText(string text, string path = "test.txt", string? published = null) =>
        Pipeline.Run(new SourceDocument(path, path, "text", "0", text, "utf-8", published is null ? SourceHints.None : new SourceHints(Published: published)));

    public static string LineText(this AnalysedDocument document, int number) => document.LineText(document.Lines[number - 1]);

    public static LineKind KindOf(this AnalysedDocument document, int number) => document.Lines[number - 1].Kind;

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("samples/ not found above the test binaries");
    }
}
