using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>One per-document step of the pipeline. It reads the layers it requires and adds the
/// layers it provides; it never changes the text or an earlier layer. Stages hold only immutable
/// shared state, so one instance serves every thread.</summary>
public interface IDocumentStage
{
    string Name { get; }
    IReadOnlyList<string> Requires { get; }
    IReadOnlyList<string> Provides { get; }
    void Annotate(AnalysedDocument document, CancellationToken cancellationToken);
}

/// <summary>Names of annotation layers, as stages declare them.</summary>
public static class Layers
{
    public const string Text = "text";
    public const string Lines = "lines";
    public const string Language = "language";
    public const string Metadata = "metadata";
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Entities = "entities";
    public const string Timexes = "timexes";
    public const string Quantities = "quantities";
    public const string Events = "events";
}
