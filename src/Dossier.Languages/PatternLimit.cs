namespace Dossier.Languages;

/// <summary>How long one regular-expression match may run before its input is taken for
/// pathological (backtracking that runs away). .NET measures a match's timeout in elapsed time,
/// not in processor time, so the limit sits far above any real match, or a busy machine would
/// change results: a pattern over a line or an article runs in milliseconds, and at a load of 50
/// on 2 cores a thread can wait 25 times as long as it runs, which still leaves it 400 ms of
/// processor time; runaway backtracking grows exponentially and is caught all the same. Every
/// pattern of the analysis, ours and the date recogniser's, has this one limit; a match over it
/// stops its document with the reason (<c>PatternLimitException</c>), never silently.</summary>
public static class PatternLimit
{
    public const int Milliseconds = 10_000;

    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(Milliseconds);
}
