using Dossier.Core.Model;

namespace Dossier.Core.Clean;

/// <summary>Runs of marker lines that come back every few lines, as a comment thread's stamps or a
/// numbered list's items do, with the lines of each marker's entry around them.</summary>
internal static class MarkerRuns
{
    /// <summary>The spans (first and last line index) of runs of at least <paramref name="minMarkers"/>
    /// markers, each at most <paramref name="maxBetween"/> non-blank lines after the previous one and
    /// continuing it. A run takes, before its first marker and after its last, as many content lines
    /// as the fewest between two of its markers: the first and last entries are as long as the
    /// shortest, so that the article's end or the page's footer is not taken with them.</summary>
    public static List<(int Start, int End)> Find(LineKind[] kinds, IReadOnlyList<int> markers, int minMarkers, int maxBetween,
        Func<int, int, bool> continues)
    {
        var runs = new List<(int, int)>();
        var first = 0;
        while (first < markers.Count)
        {
            var last = first;
            var fewest = int.MaxValue;
            while (last + 1 < markers.Count && NonBlankBetween(kinds, markers[last], markers[last + 1]) is var between
                && between <= maxBetween && continues(markers[last], markers[last + 1]))
            {
                fewest = Math.Min(fewest, between);
                last++;
            }
            if (last - first + 1 >= minMarkers)
                runs.Add((Extend(kinds, markers[first], -1, fewest), Extend(kinds, markers[last], +1, fewest)));
            first = last + 1;
        }
        return runs;
    }

    /// <summary>The farthest line from <paramref name="marker"/> in <paramref name="step"/>'s direction
    /// over at most <paramref name="lines"/> non-blank content lines.</summary>
    private static int Extend(LineKind[] kinds, int marker, int step, int lines)
    {
        var edge = marker;
        for (int j = marker + step, taken = 0; j >= 0 && j < kinds.Length && taken < lines; j += step)
        {
            if (kinds[j] == LineKind.Blank) continue;
            if (kinds[j] != LineKind.Content) break;
            edge = j;
            taken++;
        }
        return edge;
    }

    private static int NonBlankBetween(LineKind[] kinds, int from, int to)
    {
        var count = 0;
        for (var j = from + 1; j < to; j++)
            if (kinds[j] != LineKind.Blank) count++;
        return count;
    }
}
