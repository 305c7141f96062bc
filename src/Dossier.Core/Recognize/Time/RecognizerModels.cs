using Dossier.Languages;
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
/// takes about a second) and shared: the model holds only compiled patterns. Its date patterns have
/// the match limit of every pattern of the analysis (<see cref="PatternLimit"/>) rather than the
/// library's two hours; the number patterns it borrows keep those two hours.</summary>
public static class RecognizerModels
{
    private static readonly ConcurrentDictionary<string, Lazy<DateTimeModel>> Models = new(StringComparer.Ordinal);

    public static DateTimeModel For(string culture) =>
        Models.GetOrAdd(culture, c => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(c, DateTimeOptions.None, lazyInitialization: false, timeoutInSeconds: PatternLimit.Milliseconds / 1000).GetDateTimeModel())).Value;

    /// <summary>Runs the model on <paramref name="text"/> with <paramref name="reference"/> as "now".</summary>
    public static List<RecognizedTime> Recognize(DateTimeModel model, string text, DateTime reference)
    {
        var found = new List<RecognizedTime>();
        foreach (var result in model.Parse(text, reference))
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
}
