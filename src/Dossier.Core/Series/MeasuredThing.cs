using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;

namespace Dossier.Core.Series;

/// <summary>What a figure measures, the key of a series: what is counted (the unit's noun, "morts",
/// "euros"), the kind of figure (a level, or the toll of an event: "ont fait 137 morts" is not "la
/// prise en charge de 500 blessés"), and whose or where: the place the sentence puts it in, nearest
/// to the figure ("les effectifs américains en Irak à quelque 4 100 hommes", "… déployés en Irak"),
/// else the first person or organisation the sentence names before the figure, its subject
/// ("Ziad Takieddine … avoir remis 5 millions d'euros"), else the place the article is most about. Two figures of one unit and one place may measure two things; two figures
/// of one key are taken to measure one.</summary>
public sealed record MeasuredThing(string Unit, string Kind, EntityGroup Holder)
{
    public const string Level = "level";
    public const string Toll = "toll";

    /// <summary>How far before a figure a toll word counts ("ont fait au moins 137 morts et 5.000 blessés").</summary>
    private const int TollWindow = 40;

    public string Label => Kind == Level ? $"{Unit} — {Holder.Name}" : $"{Unit} ({Kind}) — {Holder.Name}";

    /// <summary>The measured thing of a level or toll figure, or null for a figure that forms no
    /// series: an increment, a movement, an attribute (an age, a distance), or one with no holder.</summary>
    public static MeasuredThing? Of(AnalysedDocument document, QuantityLexicon lexicon, Quantity quantity,
        IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names, EntityGroup? mainPlace)
    {
        if (quantity.Role != QuantityRole.Level || lexicon.Attributes.Contains(quantity.Unit)) return null;
        var sentence = document.Sentences.FirstOrDefault(s => s.Span.Contains(quantity.Span.Start)).Span;
        var holder = PlaceInSentence(document, lexicon, sentence, quantity, names) ?? SubjectBefore(sentence, quantity, names) ?? mainPlace;
        return holder is null ? null : new MeasuredThing(quantity.Unit, IsToll(document.Text, lexicon, sentence, quantity) ? Toll : Level, holder);
    }

    private static EntityGroup? SubjectBefore(TextSpan sentence, Quantity quantity, IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        foreach (var (span, entity) in names)
        {
            if (span.Start < sentence.Start) continue;
            if (span.Start >= quantity.Span.Start) break;
            if (entity.Type is "PER" or "ORG") return entity;
        }
        return null;
    }

    /// <summary>The place nearest to the figure, in its sentence, that a locative preposition introduces.</summary>
    private static EntityGroup? PlaceInSentence(AnalysedDocument document, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity,
        IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        EntityGroup? nearest = null;
        var distance = int.MaxValue;
        foreach (var (span, entity) in names)
        {
            if (span.Start < sentence.Start || entity.Type != "LOC") continue;
            if (span.Start >= sentence.End) break;
            var before = document.Text.AsSpan(sentence.Start, span.Start - sentence.Start).TrimEnd();
            var lastWord = before[(before.LastIndexOfAny(' ', '\u00A0', '\'') + 1)..];
            if (!lexicon.Locatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord)) continue;
            var gap = span.Start >= quantity.Span.End ? span.Start - quantity.Span.End : quantity.Span.Start - span.End;
            if (gap >= 0 && gap < distance) (nearest, distance) = (entity, gap);
        }
        return nearest;
    }

    private static bool IsToll(string text, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        var from = Math.Max(sentence.Start, quantity.Span.Start - TollWindow);
        var before = text.AsSpan(from, quantity.Span.Start - from);
        foreach (var phrase in lexicon.Tolls)
            if (before.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
