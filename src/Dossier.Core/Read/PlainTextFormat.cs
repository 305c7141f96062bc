using Dossier.Core.Model;

namespace Dossier.Core.Read;

/// <summary>A file holding one article as text, in any encoding <see cref="TextDecoder"/> knows.</summary>
public sealed class PlainTextFormat : IInputFormat
{
    public string Name => "text";

    /// <summary>Any text: everything but binary files (archives are recognised before this format).</summary>
    public bool Recognises(ReadOnlySpan<byte> head, string path) => !TextDecoder.LooksBinary(head);

    public IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken)
    {
        var length = new FileInfo(file.FullPath).Length;
        if (length > options.MaxDocumentBytes)
        {
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Error,
                $"{length / 1048576.0:0.0} MB is larger than the {options.MaxDocumentBytes / 1048576} MB limit for one article (see --max-document-mb)"));
            yield break;
        }
        var bytes = File.ReadAllBytes(file.FullPath);
        var text = TextDecoder.Decode(bytes, out var encoding, out var warning);
        if (warning is not null)
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Warning, warning));
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, "no text in the file"));
            yield break;
        }
        yield return ReadItem.Of(new SourceDocument(
            SourceKey: file.FullPath, Path: file.DisplayPath, Format: Name, ContentHash: ContentHash.Of(bytes),
            Text: text, Encoding: encoding, Hints: SourceHints.None));
    }
}
