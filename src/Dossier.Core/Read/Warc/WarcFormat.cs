using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Read.Html;

namespace Dossier.Core.Read.Warc;

/// <summary>Web archives (WARC 1.0/1.1, plain or gzip-compressed record by record): each response
/// record holding an HTML page becomes a document with the record's target URI and crawl date;
/// requests, metadata, non-HTML and failed responses are skipped and counted. A damaged record is
/// reported by number and the records after it are still read.</summary>
public sealed class WarcFormat : IInputFormat
{
    public string Name => "warc";

    public bool Recognises(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith("WARC/"u8)) return true;
        if (!head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return false;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
            var start = new byte[5];
            return gzip.ReadAtLeast(start, 5, throwOnEndOfStream: false) == 5 && start.AsSpan().SequenceEqual("WARC/"u8);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken)
    {
        using var raw = File.OpenRead(file.FullPath);
        var head = new byte[2];
        var compressed = raw.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == 0x1F && head[1] == 0x8B;
        raw.Position = 0;
        // GZipStream reads the concatenated members of a .warc.gz one after the other.
        using Stream stream = compressed ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var records = new WarcRecordReader(stream, options.MaxDocumentBytes);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pages = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarcRecord? record;
            string? problem;
            bool stop;
            try
            {
                record = records.Next(out problem, out stop);
            }
            catch (InvalidDataException ex)
            {
                record = null;
                problem = $"compressed data is corrupt ({ex.Message}); reading stopped";
                stop = true;
            }
            if (problem is not null)
                yield return ReadItem.Of(new InputProblem(file.DisplayPath, $"record {records.Number}", ProblemSeverity.Error, problem));
            if (record is not null)
            {
                var (document, reason, warnings) = ReadRecord(file, record);
                foreach (var warning in warnings)
                    yield return ReadItem.Of(new InputProblem(file.DisplayPath, $"record {record.Number}", ProblemSeverity.Warning, warning));
                if (document is not null) { pages++; yield return ReadItem.Of(document); }
                else skipped[reason!] = skipped.GetValueOrDefault(reason!) + 1;
            }
            if (stop) break;
        }
        if (skipped.Count > 0)
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, null, ProblemSeverity.Warning,
                $"read {pages} pages; skipped {skipped.Values.Sum()} records ({string.Join(", ", skipped.Select(s => $"{s.Value} {s.Key}"))})"));
    }

    private static (SourceDocument? Document, string? Skipped, List<string> Warnings) ReadRecord(InputFile file, WarcRecord record)
    {
        var warnings = new List<string>();
        var type = record["WARC-Type"] ?? "untyped";
        if (!type.Equals("response", StringComparison.OrdinalIgnoreCase)) return (null, type, warnings);
        if (!HttpPayload.TryParse(record.Block, out var payload, out var error))
        {
            warnings.Add($"unreadable HTTP response ({error}); skipped");
            return (null, "unreadable response", warnings);
        }
        if (payload.Status is < 200 or >= 300) return (null, $"status {payload.Status}", warnings);
        if (!payload.IsHtml) return (null, "non-HTML response", warnings);
        var uri = record["WARC-Target-URI"]?.Trim('<', '>');
        var fields = new List<HintField>();
        if (record["WARC-Date"] is { } date) fields.Add(new HintField("crawled", date, "WARC-Date"));
        if (uri is not null) fields.Add(new HintField("url", uri, "WARC-Target-URI"));
        var id = record["WARC-Record-ID"]?.Trim('<', '>') ?? $"record-{record.Number}";
        var number = record.Number.ToString(CultureInfo.InvariantCulture);
        var document = HtmlPageReader.Read(payload.Body, $"{file.FullPath}#{id}", $"{file.DisplayPath}#{number}", uri, payload.Charset, fields, warnings);
        return document is null ? (null, "page without text", warnings) : (document, null, warnings);
    }
}
