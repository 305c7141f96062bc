using Dossier.Core.Model;

namespace Dossier.Core.Read;

/// <summary>Turns the paths a user names (files and folders) into documents and problems, one
/// file at a time, choosing each file's format by its content. A bad file is reported and
/// skipped; it never stops the others.</summary>
public sealed class InputReader
{
    private const int HeadBytes = 4096;
    private readonly IReadOnlyList<IInputFormat> _formats;
    private readonly ReadOptions _options;

    /// <param name="formats">Tried in order; the last should recognise anything (plain text).</param>
    public InputReader(IReadOnlyList<IInputFormat> formats, ReadOptions? options = null)
    {
        _formats = formats;
        _options = options ?? new ReadOptions();
    }

    public static InputReader CreateDefault(ReadOptions? options = null) =>
        new([new Warc.WarcFormat(), new JsonLinesFormat(), new Feeds.FeedFormat(), new Html.HtmlFormat(), new PlainTextFormat()], options);

    public IEnumerable<ReadItem> Read(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        foreach (var input in ListInputs(paths))
        {
            if (input.Problem is { } problem)
            {
                yield return ReadItem.Of(problem);
                continue;
            }
            foreach (var item in ReadFile(input.File!, cancellationToken))
                yield return item;
        }
    }

    /// <summary>The files the paths name (a file, or the files below a folder), in order, with a
    /// problem for a path that names nothing and for a folder link not followed.</summary>
    public static IEnumerable<(InputFile? File, InputProblem? Problem)> ListInputs(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                yield return (null, new InputProblem(path, null, ProblemSeverity.Error, "no such file or folder"));
                continue;
            }
            if (File.Exists(path))
                yield return (new InputFile(Path.GetFullPath(path), path), null);
            else
                foreach (var input in FolderWalk.Files(path))
                    yield return input;
        }
    }

    /// <summary>The documents and problems of one file; every document knows the file it came from.</summary>
    public IEnumerable<ReadItem> ReadFile(InputFile file, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IEnumerator<ReadItem>? items = null;
        var opened = Open(file, cancellationToken, ref items);
        if (opened is not null)
        {
            yield return ReadItem.Of(opened);
            yield break;
        }
        using (items)
        {
            while (true)
            {
                ReadItem item;
                var done = false;
                try
                {
                    if (!items!.MoveNext()) break;
                    item = items.Current;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    item = ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, $"cannot read: {ex.Message}"));
                    done = true;
                }
                yield return item.Document is { } document ? ReadItem.Of(WithFile(document, file)) : item;
                if (done) break;
            }
        }
    }

    private SourceDocument WithFile(SourceDocument document, InputFile file) => _options.GivenPublished is { } given
        ? document with { FilePath = file.FullPath, Hints = document.Hints with { GivenPublished = given } }
        : document with { FilePath = file.FullPath };

    /// <summary>Checks a file before reading it; returns the problem that stops it, if any.</summary>
    private InputProblem? Open(InputFile file, CancellationToken cancellationToken, ref IEnumerator<ReadItem>? items)
    {
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length == 0)
                return new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, "empty file");
            Span<byte> head = stackalloc byte[HeadBytes];
            int read;
            using (var stream = File.OpenRead(file.FullPath))
                read = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
            head = head[..read];
            IInputFormat? format = null;
            foreach (var candidate in _formats)
            {
                if (candidate.Recognises(head, file.FullPath)) { format = candidate; break; }
            }
            if (format is null)
                return new InputProblem(file.DisplayPath, null, ProblemSeverity.Error,
                    TextDecoder.LooksBinary(head) ? "binary file, not text (skipped)" : "unrecognised format");
            items = format.Read(file, _options, cancellationToken).GetEnumerator();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, $"cannot read: {ex.Message}");
        }
    }
}
