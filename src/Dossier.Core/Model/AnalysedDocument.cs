namespace Dossier.Core.Model;

/// <summary>An article and the annotation layers the stages add to it. The source text never
/// changes; each stage sets its own layer once and only reads earlier ones.</summary>
public sealed class AnalysedDocument
{
    public AnalysedDocument(SourceDocument source) => Source = source;

    public SourceDocument Source { get; }
    public string Text => Source.Text;

    /// <summary>What produced the layers (<see cref="Pipeline.AnalysisVersion"/>); empty for a document
    /// stored before versions were recorded.</summary>
    public string AnalysisVersion { get; set; } = "";

    /// <summary>ISO 639-1 code of the text's language ("language").</summary>
    public string Language { get; set; } = "und";

    /// <summary>Every line of the text, blank ones included, in order, with its kind ("lines").</summary>
    public IReadOnlyList<Line> Lines { get; set; } = [];

    /// <summary>Title, dates, outlet, author ("metadata").</summary>
    public DocumentMetadata Metadata { get; set; } = new();

    /// <summary>Tokens of the lines that are not blank ("tokens").</summary>
    public Token[] Tokens { get; set; } = [];

    /// <summary>Sentences; none crosses a line ("sentences").</summary>
    public Sentence[] Sentences { get; set; } = [];

    /// <summary>Named-entity mentions in content and title lines ("entities").</summary>
    public EntityMention[] Entities { get; set; } = [];

    /// <summary>Date and time expressions with their TIMEX3 values ("timexes").</summary>
    public TimeExpression[] Timexes { get; set; } = [];

    /// <summary>Figures with units and qualifiers ("quantities").</summary>
    public Quantity[] Quantities { get; set; } = [];

    /// <summary>Reports of happenings, one per sentence and happening ("events").</summary>
    public EventMention[] Events { get; set; } = [];

    /// <summary>The line holding a text offset (binary search over <see cref="Lines"/>).</summary>
    public Line LineAt(int offset) => Line.At(Lines, offset);

    /// <summary>The sentence holding a text offset (binary search over <see cref="Sentences"/>, which follow each
    /// other without overlapping), or the default sentence when the offset lies in none.</summary>
    public Sentence SentenceAt(int offset) =>
        Sentences.Length > 0 && Sentences[TextSpan.LastStartingAtOrBefore(Sentences, s => s.Span, offset)] is var sentence && sentence.Span.Contains(offset)
            ? sentence : default;

    public string LineText(Line line) => Text.Substring(line.Span.Start, line.Span.Length);
}
