namespace Dossier.Core.Read;

/// <summary>A file to read: where it is, and the path users see for it.</summary>
public sealed record InputFile(string FullPath, string DisplayPath);

public sealed record ReadOptions
{
    /// <summary>The largest single article accepted (bytes); larger inputs are reported, not read.</summary>
    public long MaxDocumentBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The publication date ("2016-07-11") for documents that state none (<see cref="Model.SourceHints.GivenPublished"/>).</summary>
    public string? GivenPublished { get; init; }

    /// <summary>The bytes of a one-article file, or the problem that keeps it out when it is over the limit.</summary>
    public byte[]? ReadWholeArticle(InputFile file, out InputProblem? problem)
    {
        var length = new FileInfo(file.FullPath).Length;
        problem = length > MaxDocumentBytes ? new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, OverLimit(length)) : null;
        return problem is null ? File.ReadAllBytes(file.FullPath) : null;
    }

    /// <summary>Why an input of <paramref name="bytes"/> is left out.</summary>
    public string OverLimit(long bytes) =>
        $"{bytes / 1048576.0:0.0} MB is larger than the {MaxDocumentBytes / 1048576} MB limit for one article (see --max-document-mb)";
}

/// <summary>One input format (plain text, JSON lines, …), recognised by content.</summary>
public interface IInputFormat
{
    string Name { get; }

    /// <summary>True when the first bytes of a file are in this format.</summary>
    bool Recognises(ReadOnlySpan<byte> head, string path);

    IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken);
}
