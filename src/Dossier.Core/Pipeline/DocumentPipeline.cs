using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>An ordered list of stages, checked once when built: a stage whose required layers no
/// earlier stage provides fails here, at start-up, not on the first document.</summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentStage[] _stages;

    public DocumentPipeline(IEnumerable<IDocumentStage> stages)
    {
        _stages = stages.ToArray();
        var provided = new HashSet<string>(StringComparer.Ordinal) { Layers.Text };
        foreach (var stage in _stages)
        {
            var missing = stage.Requires.Where(r => !provided.Contains(r)).ToArray();
            if (missing.Length > 0)
                throw new InvalidOperationException(
                    $"pipeline stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides");
            provided.UnionWith(stage.Provides);
        }
    }

    public IReadOnlyList<IDocumentStage> Stages => _stages;

    /// <summary>What this pipeline's analysis depends on: its stages and the language data they read.</summary>
    public string Version => _version ??= AnalysisVersion.Of(_stages.Select(s => s.Name));

    private string? _version;

    /// <summary>Every layer a document has once the pipeline has run.</summary>
    public IReadOnlyList<string> Provides => [Layers.Text, .. _stages.SelectMany(s => s.Provides).Distinct(StringComparer.Ordinal)];

    public AnalysedDocument Run(SourceDocument source, CancellationToken cancellationToken = default)
    {
        var document = new AnalysedDocument(source) { AnalysisVersion = Version };
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Annotate(document, cancellationToken);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
            {
                throw new PatternLimitException(stage.Name, ex);
            }
        }
        return document;
    }

    /// <summary>The standard per-document pipeline: language, line kinds, metadata, tokens and sentences, time expressions, figures, named entities, events.</summary>
    public static DocumentPipeline CreateDefault() => new(
    [
        new Describe.LanguageIdentifier(),
        new Clean.LineClassifier(),
        new Describe.MetadataExtractor(),
        new Segment.Segmenter(),
        new Recognize.Time.TimeExpressionRecognizer(),
        new Recognize.Quantities.QuantityRecognizer(),
        new Recognize.Entities.EntityRecognizer(),
        new Recognize.Events.EventRecognizer(),
    ]);
}
