using BenchmarkDotNet.Attributes;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Bench;

/// <summary>The per-document pipeline (no store) on real French news, one thread.</summary>
[MemoryDiagnoser]
public class PipelineBenchmark
{
    private List<SourceDocument> _documents = [];
    private readonly DocumentPipeline _pipeline = DocumentPipeline.CreateDefault();

    [Params(200)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup() => _documents = Corpus.Read(Corpus.DefaultPath(), Documents);

    [Benchmark]
    public int Analyse()
    {
        var sentences = 0;
        foreach (var document in _documents)
            sentences += _pipeline.Run(document).Sentences.Length;
        return sentences;
    }
}
