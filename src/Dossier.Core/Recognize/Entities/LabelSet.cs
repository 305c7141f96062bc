namespace Dossier.Core.Recognize.Entities;

/// <summary>The IOB2 labels of a model: "O", then "B-T" and "I-T" for each entity type, and which
/// label may follow which (I-T only after B-T or I-T), so decoding never yields a broken span.</summary>
public sealed class LabelSet
{
    public LabelSet(IEnumerable<string> types)
    {
        Types = types.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Labels = ["O", .. Types.SelectMany(t => new[] { "B-" + t, "I-" + t })];
        Allowed = new bool[(Labels.Length + 1) * Labels.Length];
        for (var previous = -1; previous < Labels.Length; previous++)
            for (var next = 0; next < Labels.Length; next++)
                Allowed[Transition(previous, next)] = !IsInside(next) || (previous >= 0 && TypeOf(previous) == TypeOf(next) && previous != 0);
    }

    public string[] Types { get; }
    public string[] Labels { get; }
    public int Count => Labels.Length;

    /// <summary>Whether label <c>next</c> may follow <c>previous</c> (-1: sentence start), indexed by <see cref="Transition"/>.</summary>
    public bool[] Allowed { get; }

    /// <summary>Index of a transition: row <c>previous + 1</c> (row 0 is the sentence start).</summary>
    public int Transition(int previous, int next) => (previous + 1) * Labels.Length + next;

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;

    /// <summary>0 for "O", else 1 + the type's index.</summary>
    public static int TypeOf(int label) => label == 0 ? 0 : (label + 1) / 2;

    public string TypeName(int label) => Types[TypeOf(label) - 1];

    public int IndexOf(string tag)
    {
        var i = Array.IndexOf(Labels, tag);
        return i >= 0 ? i : throw new InvalidDataException($"tag '{tag}' is not one of the model's labels ({string.Join(", ", Labels)})");
    }

    /// <summary>The types used in IOB2 tags.</summary>
    public static IEnumerable<string> TypesIn(IEnumerable<string> tags) =>
        tags.Where(t => t.Length > 2).Select(t => t[2..]);
}
