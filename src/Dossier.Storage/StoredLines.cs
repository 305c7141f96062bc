using System.Data.Common;

namespace Dossier.Storage;

/// <summary>The line each stored entity member stands on, found from the stored lines' starts: the
/// co-occurrence graph's input (<see cref="IBrowseChanges.EntityLines"/>), read without the documents.</summary>
public static class StoredLines
{
    /// <summary>The line of every entity member, read from a store: every line's start, then the members as
    /// <paramref name="membersSql"/> reads them (group id, document, start), as <see cref="Of"/> places them.</summary>
    public static IEnumerable<(string Entity, long Document, int Line)> Read(Func<string, DbCommand> command, string membersSql)
    {
        IEnumerable<(long, int, int)> Lines()
        {
            using var lines = command("SELECT doc_id, start, number FROM lines ORDER BY doc_id, number");
            using var reader = lines.ExecuteReader();
            while (reader.Read()) yield return (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        IEnumerable<(string, long, int)> Members()
        {
            using var members = command(membersSql);
            using var reader = members.ExecuteReader();
            while (reader.Read()) yield return (reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2));
        }
        return Of(Lines(), Members());
    }

    /// <summary>The line of every member whose document has lines, as <see cref="Core.Model.Line.At"/> finds it.</summary>
    /// <param name="lines">Every line's document, start and number, in document then number order; read before the first member.</param>
    /// <param name="members">The members (entity, document, start), in any order. A member of a document no longer stored has no lines and is left out.</param>
    public static IEnumerable<(string Entity, long Document, int Line)> Of(IEnumerable<(long Document, int Start, int Number)> lines, IEnumerable<(string Entity, long Document, int Start)> members)
    {
        var starts = new Dictionary<long, (int Start, int Number)[]>();
        var (document, read) = (long.MinValue, new List<(int, int)>());
        foreach (var line in lines)
        {
            if (line.Document != document)
            {
                if (read.Count > 0) starts[document] = [.. read];
                (document, read) = (line.Document, []);
            }
            read.Add((line.Start, line.Number));
        }
        if (read.Count > 0) starts[document] = [.. read];
        foreach (var (entity, member, start) in members)
            if (starts.TryGetValue(member, out var of))
                yield return (entity, member, LineAt(of, start));
    }

    /// <summary>The number of the last line starting at or before an offset (the first line when none does).</summary>
    private static int LineAt((int Start, int Number)[] lines, int offset)
    {
        int lo = 0, hi = lines.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (lines[mid].Start <= offset) lo = mid; else hi = mid - 1;
        }
        return lines[lo].Number;
    }
}
