using System.Collections.Concurrent;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>The shipped tagger of each language ("&lt;lang&gt;/ner.model" in the language data), loaded
/// once on first use and shared by every thread; null for a language without one.</summary>
public static class NerModels
{
    private const string FileName = "ner.model";
    private static readonly ConcurrentDictionary<string, Lazy<NerModel?>> Loaded = new(StringComparer.Ordinal);

    public static NerModel? For(string language) =>
        Loaded.GetOrAdd(language, code => new Lazy<NerModel?>(() => LoadShipped(code), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static NerModel? LoadShipped(string language)
    {
        using var stream = LanguageData.Open(language, FileName);
        return stream is null ? null : NerModel.Load(stream, $"{language}/{FileName}");
    }
}
