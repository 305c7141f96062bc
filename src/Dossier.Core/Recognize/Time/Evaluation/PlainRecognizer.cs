using Dossier.Core.Clean;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time.Evaluation;

/// <summary>Microsoft.Recognizers.Text used plainly, as a peer to compare with: the whole text or
/// one line at a time, its first resolution's TIMEX taken as the value, no checks, no anchoring.</summary>
public static class PlainRecognizer
{
    public static TimeExpression[] Recognize(string text, string culture, DateTime reference, bool lineByLine)
    {
        var model = RecognizerModels.For(culture);
        var output = new List<TimeExpression>();
        var pieces = lineByLine ? LineSplitter.Split(text) : [new TextSpan(0, text.Length)];
        foreach (var piece in pieces)
        {
            if (piece.Length == 0) continue;
            foreach (var r in RecognizerModels.Recognize(model, text.Substring(piece.Start, piece.Length), reference))
            {
                var type = r.Kind switch
                {
                    "duration" => "DURATION",
                    "set" => "SET",
                    "time" or "datetime" or "timerange" or "datetimerange" => "TIME",
                    _ => "DATE",
                };
                output.Add(new TimeExpression(TextSpan.FromBounds(piece.Start + r.Start, piece.Start + r.End), type, r.Timex));
            }
        }
        return output.ToArray();
    }
}
