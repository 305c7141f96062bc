using Dossier.Core.Recognize.Entities;

namespace Dossier.Core.Tests.Recognize;

public class PerceptronTrainerTests
{
    private static readonly List<TaggedSentence> Tiny =
        ConllFile.Read(Fixtures.SharedData.PathOf("ner-fr/wikineural-fr.train.iob2"), requireTags: true).Take(400).ToList();

    private static byte[] TrainAndSave(int seed)
    {
        var model = new PerceptronTrainer(new TrainerOptions(Epochs: 3, Seed: seed, RowBits: 16), _ => { })
            .Train(Tiny, [], WordLexicon.Empty, "tiny");
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void SameDataAndSeedGiveTheSameModelFile()
    {
        Assert.Equal(TrainAndSave(7), TrainAndSave(7));
        Assert.NotEqual(TrainAndSave(7), TrainAndSave(8));
    }

    [Fact]
    public void ASavedModelTagsAsBeforeAndLearntItsTrainingData()
    {
        var model = new PerceptronTrainer(new TrainerOptions(Epochs: 5, Seed: 3, RowBits: 16), _ => { })
            .Train(Tiny, [], WordLexicon.Empty, "tiny");
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream, "tiny");
        Assert.Equal("tiny", loaded.Description);
        var before = PerceptronTrainer.Evaluate(model, Tiny).Micro;
        var after = PerceptronTrainer.Evaluate(loaded, Tiny).Micro;
        Assert.Equal(before, after);
        Assert.True(after.F1 > 0.8, $"training F1 {after.F1}");
    }
}
