namespace Dossier.Core.Read.Html;

/// <summary>A saved web page: recognised by its markup (a doctype, &lt;html&gt;, &lt;head&gt; or &lt;body&gt;
/// near the start), whatever the file is called.</summary>
public sealed class HtmlFormat : IInputFormat
{
    private static readonly string[] Openings = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title"];

    public string Name => HtmlPageReader.FormatName;

    public bool Recognises(ReadOnlySpan<byte> head, string path)
    {
        var text = MarkupSniffer.HeadText(head);
        foreach (var opening in Openings)
            if (text.Contains(opening, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken)
    {
        if (options.ReadWholeArticle(file, out var tooLarge) is not { } bytes)
        {
            yield return ReadItem.Of(tooLarge!);
            yield break;
        }
        var warnings = new List<string>();
        var document = HtmlPageReader.Read(bytes, file.FullPath, file.DisplayPath, null, null, null, warnings);
        foreach (var warning in warnings)
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Warning, warning));
        yield return document is null
            ? ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Error, "no text in the page"))
            : ReadItem.Of(document);
    }
}
