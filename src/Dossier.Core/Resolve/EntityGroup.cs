using Dossier.Core.Model;

namespace Dossier.Core.Resolve;

/// <summary>One real-world referent across the dossier: its name, type, the ways it is written, and its mentions.</summary>
public sealed record EntityGroup(string Id, string Name, string Type, IReadOnlyList<string> Aliases,
    IReadOnlyList<(string DocumentId, AnalysedDocument Document, EntityMention Mention)> Mentions);
