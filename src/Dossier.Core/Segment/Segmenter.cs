using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Segment;

/// <summary>Tokens and sentences of every non-blank line, with the rules of the document's language.
/// Lines are paragraphs, so no sentence crosses a line.</summary>
public sealed class Segmenter : IDocumentStage
{
    public string Name => "segment";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text, Layers.Language, Layers.Lines];
    public IReadOnlyList<string> Provides { get; } = [Layers.Tokens, Layers.Sentences];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        var rules = SegmentationRules.For(document.Language);
        var tokens = new List<Token>(document.Text.Length / 5);
        var sentences = new List<Sentence>(document.Text.Length / 100 + 1);
        foreach (var line in document.Lines)
        {
            if (line.Kind == LineKind.Blank) continue;
            var first = tokens.Count;
            Tokenizer.Tokenize(document.Text, line.Span, rules, tokens);
            SentenceSplitter.Split(document.Text, tokens, first, tokens.Count - first, rules, sentences);
        }
        document.Tokens = tokens.ToArray();
        document.Sentences = sentences.ToArray();
    }
}
