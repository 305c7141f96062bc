using Dossier.Core.Recognize.Entities;

namespace Dossier.Core.Tests.Recognize;

public class ConllFileTests
{
    [Fact]
    public void ReadsSentencesOfTheFrenchTrainingFile()
    {
        var sentences = ConllFile.Read(Fixtures.SharedData.PathOf("ner-fr/wikineural-fr.train.iob2"), requireTags: true);
        Assert.Equal(12_600, sentences.Count);
        Assert.Equal(["Certaines", "restent", "temporaires", ","], sentences[0].Tokens[..4]);
        Assert.Equal(["O", "O", "O", "O"], sentences[0].Tags![..4]);
    }

    [Fact]
    public void RejectsALineWithoutTagNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ConllFile.Read(new StringReader("Paris\tB-LOC\nest\tO\nbelle\n\n"), "bad.iob2", requireTags: true));
        Assert.StartsWith("bad.iob2:3: expected 'token<TAB>tag'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsATagThatIsNotIob2NamingFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ConllFile.Read(new StringReader("Le\tO\n\nMossoul\tX-LOC\n"), "bad.iob2", requireTags: true));
        Assert.StartsWith("bad.iob2:3: 'X-LOC' is not an IOB2 tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TagColumnIsOptionalForTagging()
    {
        var sentences = ConllFile.Read(new StringReader("Haider\nAl-Abadi\n\nBagdad\tB-LOC\n"), "in.conll", requireTags: false);
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Haider", "Al-Abadi"], sentences[0].Tokens);
        Assert.Null(sentences[0].Tags);
        Assert.Equal(4, sentences[1].FirstLine);
    }
}
