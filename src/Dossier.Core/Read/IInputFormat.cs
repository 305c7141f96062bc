namespace Dossier.Core.Read;

/// <summary>A file to read: where it is, and the path users see for it.</summary>
public sealed record InputFile(string FullPath, string DisplayPath);

public sealed record ReadOptions
{
    /// <summary>The largest single article accepted (bytes); larger inputs are reported, not read.</summary>
    public long MaxDocumentBytes { get; init; } = 16 * 1024 * 1024;
}

/// <summary>One input format (plain text, JSON lines, …), recognised by content.</summary>
public interface IInputFormat
{
    string Name { get; }

    /// <summary>True when the first bytes of a file are in this format.</summary>
    bool Recognises(ReadOnlySpan<byte> head, string path);

    IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken);
}
