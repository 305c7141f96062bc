using System.Collections.Concurrent;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>The shipped taggers of each language in the language data ("&lt;lang&gt;/ner.model" for
/// names, "&lt;lang&gt;/events.model" for the words naming happenings), each loaded once on first use
/// and shared by every thread; null for a language without one.</summary>
public static class NerModels
{
    private const string NamesFile = "ner.model";
    private const string EventsFile = "events.model";
    private static readonly ConcurrentDictionary<(string, string), Lazy<NerModel?>> Loaded = new();

    /// <summary>The named-entity tagger of a language.</summary>
    public static NerModel? For(string language) => Shipped(language, NamesFile);

    /// <summary>The tagger of event triggers of a language (label EVENT).</summary>
    public static NerModel? Events(string language) => Shipped(language, EventsFile);

    private static NerModel? Shipped(string language, string file) =>
        Loaded.GetOrAdd((language, file), key => new Lazy<NerModel?>(() => Load(key.Item1, key.Item2), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static NerModel? Load(string language, string file)
    {
        using var stream = LanguageData.Open(language, file);
        return stream is null ? null : NerModel.Load(stream, $"{language}/{file}");
    }
}
