namespace Dossier.Core.Read;

public enum ProblemSeverity { Warning, Error }

/// <summary>Something wrong with an input: which file (and record), what, and whether the input
/// was still ingested (<see cref="ProblemSeverity.Warning"/>) or left out (<see cref="ProblemSeverity.Error"/>).</summary>
public sealed record InputProblem(string Path, string? Record, ProblemSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Path}{(Record is null ? "" : $" ({Record})")}: {Message}";
}

/// <summary>What reading produces, one item at a time: a document, or a problem.</summary>
public readonly record struct ReadItem(Model.SourceDocument? Document, InputProblem? Problem)
{
    public static ReadItem Of(Model.SourceDocument document) => new(document, null);
    public static ReadItem Of(InputProblem problem) => new(null, problem);
}
