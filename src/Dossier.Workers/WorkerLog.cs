using Microsoft.Extensions.Logging;

namespace Dossier.Workers;

/// <summary>What a worker reports, one structured entry per step of a document: the source key and
/// the figures are fields, so that logs can be filtered and summed.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(1, LogLevel.Information, "{Source}: analysing {Characters} characters (delivery {Delivery})")]
    public static partial void Analysing(ILogger logger, string? source, int characters, ulong delivery);

    [LoggerMessage(2, LogLevel.Information, "{Source}: stored in {Milliseconds} ms")]
    public static partial void Stored(ILogger logger, string? source, long milliseconds);

    [LoggerMessage(3, LogLevel.Information, "{Source}: stored already (delivery {Delivery})")]
    public static partial void AlreadyStored(ILogger logger, string? source, ulong delivery);

    [LoggerMessage(4, LogLevel.Information, "{Source}: given back unfinished, the worker is stopping")]
    public static partial void GivenBack(ILogger logger, string? source);

    [LoggerMessage(5, LogLevel.Warning, "{Source}: failed (delivery {Delivery} of {MaxDeliver}), to be tried again: {Error}")]
    public static partial void Retried(ILogger logger, string? source, ulong delivery, int maxDeliver, string error);

    [LoggerMessage(6, LogLevel.Error, "{Source}: failed {Delivery} times, sent to the dead letters: {Error}")]
    public static partial void Dead(ILogger logger, string? source, ulong delivery, string error);

    [LoggerMessage(7, LogLevel.Information, "stream empty after {Documents} documents stored here; corpus phase run here: {Ran}")]
    public static partial void CorpusPhase(ILogger logger, int documents, bool ran);

    [LoggerMessage(8, LogLevel.Warning, "the stream is out of reach, trying again: {Error}")]
    public static partial void StreamLost(ILogger logger, string error);

    [LoggerMessage(9, LogLevel.Warning, "the store is out of reach, reconnecting: {Error}")]
    public static partial void StoreLost(ILogger logger, string error);
}
