using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Core.Pipeline;

/// <summary>A stage stopped because one of its patterns ran over its match limit
/// (<see cref="Languages.PatternLimit"/>): the text is taken for pathological, and the document
/// fails with this reason rather than being stored with a part of its analysis missing.</summary>
public sealed class PatternLimitException(string stage, RegexMatchTimeoutException inner)
    : Exception($"the {stage} stage ran a pattern over its limit of {inner.MatchTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (pathological text?)", inner)
{
    public string Stage { get; } = stage;
}
