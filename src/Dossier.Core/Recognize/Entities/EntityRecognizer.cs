using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Tags the sentences of content and title lines with the language's NER model, makes the
/// document's mentions consistent (<see cref="DocumentConsistency"/>) and turns them into entity
/// mentions (offsets into the text), after correcting their bounds (<see cref="NameBoundaries"/>). Metadata, boilerplate and duplicate lines are not tagged, so
/// nothing seen only in page furniture is reported. A language without a model gets no entities.</summary>
public sealed class EntityRecognizer : IDocumentStage
{
    private readonly Func<string, NerModel?> _models;

    public EntityRecognizer() : this(NerModels.For) { }

    public EntityRecognizer(Func<string, NerModel?> models) => _models = models;

    public string Name => "entities";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text, Layers.Language, Layers.Lines, Layers.Tokens, Layers.Sentences, Layers.Quantities];
    public IReadOnlyList<string> Provides { get; } = [Layers.Entities];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        var model = _models(document.Language);
        if (model is null) return;
        var mentions = new List<TokenMention>();
        var ranges = new List<(int Start, int End)>();
        var labels = new int[64];
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document.LineAt(sentence.Span.Start).Kind is not (LineKind.Content or LineKind.Title)) continue;
            var tokens = document.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
            if (labels.Length < tokens.Length) labels = new int[tokens.Length * 2];
            model.Tag(document.Text, tokens, labels);
            AddMentions(model.Labels, sentence.FirstToken, tokens.Length, labels, mentions);
            ranges.Add((sentence.FirstToken, sentence.FirstToken + sentence.TokenCount));
        }
        string TypeAt(int token)
        {
            var (start, end) = ranges.First(r => token >= r.Start && token < r.End);
            return model.BestEntityType(document.Text, document.Tokens.AsSpan(start, end - start), token - start);
        }
        // The type the tagger gives a name at a token when the words of its sentence before it are left unread.
        string TypeAlone(int token)
        {
            var rest = document.Tokens.AsSpan(token, ranges.First(r => token >= r.Start && token < r.End).End - token);
            model.Tag(document.Text, rest, labels);
            return labels[0] != 0 && !LabelSet.IsInside(labels[0]) ? model.Labels.TypeName(labels[0]) : TypeAt(token);
        }
        var lexicon = NameLexicon.For(document.Language);
        var gazetteer = NameGazetteer.For(document.Language);
        mentions = NameBoundaries.Apply(document.Text, document.Tokens, ranges, mentions, TypeAt, TypeAlone, lexicon, gazetteer);
        var rolePhrases = EntityResolver.RolePhrases(document, withFormer: true).Select(r => r.Span).ToArray();
        mentions = WithoutRolePhrases(document.Text, document.Tokens, mentions, rolePhrases, TypeAlone);
        var abbreviations = LanguageProfile.Get(document.Language).Abbreviations;
        document.Entities = DocumentConsistency.Apply(document.Text, document.Tokens, ranges, mentions, TypeAt, lexicon, gazetteer)
            .Select(m => new EntityMention(TextSpan.FromBounds(NameBoundaries.StartOf(document.Text, document.Tokens[m.Start]),
                NameBoundaries.EndOf(document.Text, document.Tokens, m.Start, m.End, abbreviations)), m.Type))
            .Where(m => !IsRoleWord(document.Text, m.Span, rolePhrases, gazetteer) && !IsInFigure(m.Span, document.Quantities))
            .ToArray();
    }

    /// <summary>"un couple de 750 Nm": a word the figures stage read as a figure's unit is no name.</summary>
    private static bool IsInFigure(TextSpan mention, IReadOnlyList<Quantity> quantities)
    {
        foreach (var quantity in quantities)
            if (quantity.Span.Start <= mention.Start && mention.End <= quantity.Span.End) return true;
        return false;
    }

    /// <summary>"La garde des Sceaux Nicole Belloubet": the words of a role phrase the tagger took into the name after
    /// it are no part of that name, which starts at the next capitalised word and is typed as the tagger reads it
    /// without them; with no such word ("président de la République soit tenu") there is no name.</summary>
    private static List<TokenMention> WithoutRolePhrases(string text, Token[] tokens, List<TokenMention> mentions, TextSpan[] rolePhrases,
        Func<int, string> typeAlone)
    {
        if (rolePhrases.Length == 0) return mentions;
        var result = new List<TokenMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            var start = tokens[mention.Start].Start;
            var phrase = Array.FindIndex(rolePhrases, r => r.Start <= start && start < r.End && r.End < tokens[mention.End - 1].End);
            if (phrase < 0) { result.Add(mention); continue; }
            var rest = mention.Start;
            while (rest < mention.End && (tokens[rest].Start < rolePhrases[phrase].End || !char.IsUpper(text[tokens[rest].Start]))) rest++;
            if (rest < mention.End) result.Add(new TokenMention(rest, mention.End, typeAlone(rest)));
        }
        return result;
    }

    /// <summary>"président de la République": a capitalised word of a role phrase belongs to the phrase,
    /// which names a person, and is no name of its own; a known place or organisation stays one
    /// ("président des États-Unis", "chef du Pentagone").</summary>
    private static bool IsRoleWord(string text, TextSpan mention, TextSpan[] rolePhrases, NameGazetteer gazetteer) =>
        rolePhrases.Any(r => r.Start <= mention.Start && mention.End <= r.End)
        && gazetteer.TypeOf(NameKey.Of(text.AsSpan(mention.Start, mention.Length))) is null;

    private static void AddMentions(LabelSet labels, int offset, int count, int[] tags, List<TokenMention> mentions)
    {
        var start = -1;
        for (var i = 0; i <= count; i++)
        {
            var tag = i < count ? tags[i] : 0;
            if (start >= 0 && !LabelSet.IsInside(tag))
            {
                mentions.Add(new TokenMention(offset + start, offset + i, labels.TypeName(tags[start])));
                start = -1;
            }
            if (tag != 0 && !LabelSet.IsInside(tag)) start = i;
        }
    }
}
