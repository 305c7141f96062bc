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
        if (options.ReadWholeArticle(file, out var tooLarge) is not { } bytes)
        {
            yield return ReadItem.Of(tooLarge!);
            yield break;
        }
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
