using Dossier.Core.Recognize.Entities;

namespace Dossier.Core.Tests.Recognize;

public class NerEvaluatorTests
{
    [Fact]
    public void CountsOnlyExactSpansWithTheRightType()
    {
        var evaluator = new NerEvaluator();
        // "Haider Al-Abadi à Bagdad": the person is cut short, the place is right, a false ORG is added.
        evaluator.Add(["B-PER", "I-PER", "O", "B-LOC", "O"], ["B-PER", "O", "O", "B-LOC", "B-ORG"]);
        var micro = evaluator.Micro;
        Assert.Equal((2, 3, 1), (micro.Gold, micro.Predicted, micro.Correct));
        Assert.Equal(1.0 / 3, micro.Precision, 6);
        Assert.Equal(0.5, micro.Recall, 6);
        Assert.Equal(0.4, micro.F1, 6);
        var loc = evaluator.PerType.Single(s => s.Type == "LOC");
        Assert.Equal(1.0, loc.F1);
    }

    [Fact]
    public void AStrayInsideTagStartsAnEntity()
    {
        var spans = EntitySpans.FromTags(["O", "I-ORG", "I-ORG", "B-LOC", "I-PER"]);
        Assert.Equal([new TokenSpan(1, 3, "ORG"), new TokenSpan(3, 4, "LOC"), new TokenSpan(4, 5, "PER")], spans);
    }
}
