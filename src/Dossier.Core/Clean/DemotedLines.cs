using Dossier.Core.Model;

namespace Dossier.Core.Clean;

/// <summary>A line the corpus shows to be boilerplate (it recurs across documents) was annotated
/// when its document was read alone. Its annotations stay stored, since the line comes back as
/// content when it stops recurring, but a reader of the document no longer sees them.</summary>
public static class DemotedLines
{
    public static T[] Drop<T>(AnalysedDocument document, T[] annotations, Func<T, TextSpan> span) =>
        document.Lines.Count == 0 ? annotations : Array.FindAll(annotations, a => document.LineAt(span(a).Start).Kind != LineKind.Boilerplate);
}
