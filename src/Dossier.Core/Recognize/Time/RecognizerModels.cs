using System.Collections.Concurrent;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace Dossier.Core.Recognize.Time;

/// <summary>What Microsoft.Recognizers.Text found in a piece of text, offsets relative to that piece.</summary>
/// <param name="End">Exclusive.</param>
/// <param name="Timex">The first resolution's TIMEX ("XXXX-WXX-1", "2014-06", "(XXXX-06-12,XXXX-06-15,P3D)"), or null.</param>
/// <param name="Mod">"since", "approx", "start"…, or null.</param>
public sealed record RecognizedTime(int Start, int End, string Kind, string? Timex, string? Mod);

/// <summary>One Microsoft.Recognizers.Text date-time model per culture, built once (building one
/// takes about a second) and shared: the model holds only compiled patterns.</summary>
public static class RecognizerModels
{
    private static readonly ConcurrentDictionary<string, Lazy<DateTimeModel>> Models = new(StringComparer.Ordinal);

    public static DateTimeModel For(string culture) =>
        Models.GetOrAdd(culture, c => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(c, DateTimeOptions.None).GetDateTimeModel())).Value;

    /// <summary>Runs the model on <paramref name="text"/> with <paramref name="reference"/> as "now".</summary>
    public static List<RecognizedTime> Recognize(DateTimeModel model, string text, DateTime reference)
    {
        var found = new List<RecognizedTime>();
        foreach (var result in ParseWithRetry(model, text, reference))
        {
            string? timex = null, mod = null;
            if (result.Resolution is { } resolution && resolution.TryGetValue("values", out var values)
                && values is IEnumerable<Dictionary<string, string>> list)
            {
                foreach (var value in list)
                {
                    value.TryGetValue("timex", out timex);
                    value.TryGetValue("Mod", out mod);
                    break;
                }
            }
            // TypeName is "datetimeV2.date", "datetimeV2.duration"…
            var kind = result.TypeName[(result.TypeName.LastIndexOf('.') + 1)..];
            found.Add(new RecognizedTime(result.Start, result.End + 1, kind, timex, mod));
        }
        return found;
    }

    /// <summary>The recogniser's patterns carry match timeouts; on a loaded machine a cold one (its
    /// first use compiles it) can time out on a short text. One more try, then the piece is left to
    /// the explicit-date reader rather than failing the whole document.</summary>
    private static List<ModelResult> ParseWithRetry(DateTimeModel model, string text, DateTime reference)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return model.Parse(text, reference);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (attempt == 0)
            {
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return [];
            }
        }
    }
}
