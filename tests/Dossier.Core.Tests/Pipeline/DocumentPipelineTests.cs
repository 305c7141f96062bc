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
}
