using Dossier.Core.Model;

namespace Dossier.Core.Resolve;

/// <summary>One real-world referent across the dossier: its name, type, the ways it is written, and its mentions.</summary>
public sealed record EntityGroup(string Id, string Name, string Type, IReadOnlyList<string> Aliases,
    IReadOnlyList<(string DocumentId, AnalysedDocument Document, EntityMention Mention)> Mentions)
{
    /// <summary>Why its names were joined, one line per join ("Khadafi = Kadhafi: same name in another spelling").</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The role phrases given to it, with the role and the article's date.</summary>
    public IReadOnlyList<RoleHeld> Roles { get; init; } = [];

    /// <summary>How its name mentions write it, with counts: what its name and type were chosen from.</summary>
    public IReadOnlyList<NameCount> Names { get; init; } = [];
}

/// <summary>A role phrase resolved to an entity: the role (roles.tsv), the article's date, the article and the phrase.</summary>
public sealed record RoleHeld(string Role, string? Date, string DocumentId, string Phrase);
