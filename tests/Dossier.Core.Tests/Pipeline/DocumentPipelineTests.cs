using Dossier.Core.Clean;
using Dossier.Core.Describe;
using Dossier.Core.Pipeline;
using Dossier.Core.Segment;

namespace Dossier.Core.Tests.Pipeline;

public class DocumentPipelineTests
{
    [Fact]
    public void A_misordered_pipeline_fails_when_built_naming_the_missing_layer()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DocumentPipeline([new LanguageIdentifier(), new Segmenter(), new LineClassifier()]));
        Assert.Equal("pipeline stage 'segment' requires lines, which no earlier stage provides", error.Message);
    }

    [Fact]
    public void The_default_pipeline_is_well_ordered() =>
        Assert.Equal(["language", "clean", "describe", "segment"], DocumentPipeline.CreateDefault().Stages.Select(s => s.Name).Take(4));

    [Fact]
    public void The_default_corpus_stages_follow_the_default_pipeline() =>
        Assert.Equal(["resolve", "series", "stories", "duplicates", "events"], CorpusPipeline.CreateDefault(DocumentPipeline.CreateDefault()).Stages.Select(s => s.Name));

    [Fact]
    public void A_corpus_stage_needing_a_layer_nothing_provides_fails_when_the_corpus_pipeline_is_built()
    {
        var documents = new DocumentPipeline([new LanguageIdentifier(), new LineClassifier()]);
        var error = Assert.Throws<InvalidOperationException>(() => CorpusPipeline.CreateDefault(documents));
        Assert.Equal("corpus stage 'resolve' requires metadata, entities, which no earlier stage provides", error.Message);
    }
}
