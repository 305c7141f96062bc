using System.Text;
using Dossier.Core.Read;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Read;

/// <summary>Damaged inputs are reported by file (and record) and what can be read is still read.</summary>
public class BadInputTests
{
    [Fact]
    public void TruncatedPageIsReportedAndWhatIsThereIsRead()
    {
        var folder = InputFiles.ScratchFolder();
        var bytes = File.ReadAllBytes(InputFiles.SharedPage("html-maintext-dev", "gala.fr.surnom.html"));
        var cut = Encoding.UTF8.GetString(bytes).LastIndexOf("Face à la forte mobilisation", StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(folder, "a-truncated.html"), bytes[..(Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes)[..cut]) + 200)]);
        File.Copy(InputFiles.SharedPage("html-dev", "theguardian.com.academics.html"), Path.Combine(folder, "b-whole.html"));

        var items = InputFiles.Read(folder);

        var problem = Assert.Single(items.Problems());
        Assert.Equal("a-truncated.html", problem.Path);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("truncated", problem.Message, StringComparison.Ordinal);
        var documents = items.Documents();
        Assert.Equal(2, documents.Count);
        Assert.Contains("Chargé de porter la réforme des retraites", documents[0].Text, StringComparison.Ordinal);
        Assert.Equal("Thousands of UK academics 'treated as second-class citizens'", documents[1].Hints.Title);
    }

    [Fact]
    public void PageInAnUnknownEncodingIsNamedAndReadByGuessing()
    {
        var folder = InputFiles.ScratchFolder();
        var page = File.ReadAllText(InputFiles.SharedPage("html-dev", "soundofscience.fr.1927.html"));
        Assert.Contains("charset=\"UTF-8\"", page, StringComparison.OrdinalIgnoreCase);
        File.WriteAllText(Path.Combine(folder, "klingon.html"), page.Replace("charset=\"UTF-8\"", "charset=\"x-klingon\"", StringComparison.OrdinalIgnoreCase));

        var items = InputFiles.Read(folder);

        var problem = Assert.Single(items.Problems());
        Assert.Equal("klingon.html", problem.Path);
        Assert.Equal("unknown encoding 'x-klingon' declared; read as utf-8", problem.Message);
        Assert.Contains("Une candidature collective à la présidence du HCERES", items.Documents().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MojibakeIsRepairedAndReported()
    {
        var folder = InputFiles.ScratchFolder();
        File.WriteAllText(Path.Combine(folder, "mojibake.html"),
            "<html><head><meta charset=\"utf-8\"><title>Ã‰tat d'urgence</title></head><body><article><h1>Ã‰tat d'urgence</h1>" +
            "<p>Le gouvernement a dÃ©cidÃ© de prolonger l'Ã©tat d'urgence, a annoncÃ© le Premier ministre Ã\u00A0 l'AssemblÃ©e nationale â€” une premiÃ¨re depuis 2005.</p></article></body></html>");

        var items = InputFiles.Read(folder);

        Assert.Equal("repaired 10 mojibake sequences (UTF-8 once read as Windows-1252, such as 'Ã©')", items.Problems().Single().Message);
        Assert.Equal("État d'urgence\nLe gouvernement a décidé de prolonger l'état d'urgence, a annoncé le Premier ministre à l'Assemblée nationale — une première depuis 2005.",
            items.Documents().Single().Text);
    }
}

/// <summary>Encodings a page may come in, read back to the same text.</summary>
public class PageEncodingTests
{
    [Fact]
    public void Utf16PageWithBomIsRecognisedAndDecoded()
    {
        var folder = InputFiles.ScratchFolder();
        var page = File.ReadAllText(InputFiles.SharedPage("html-dev", "soundofscience.fr.1927.html"));
        File.WriteAllText(Path.Combine(folder, "utf16.html"), page, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var document = InputFiles.Read(folder).Documents().Single();

        Assert.Equal("html", document.Format);
        Assert.Equal("utf-16le", document.Encoding);
        Assert.Equal("Une candidature collective à la présidence du HCERES", document.Hints.Title);
    }

    [Fact]
    public void Latin9PageKeepsItsEuroSignAndLigature()
    {
        var folder = InputFiles.ScratchFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin9 = Encoding.GetEncoding("iso-8859-15");
        File.WriteAllBytes(Path.Combine(folder, "latin9.html"), latin9.GetBytes(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"><title>Budget</title></head>" +
            "<body><article><h1>Le budget du cœur de ville</h1><p>La commune consacrera 4,5 millions d'€ à la rénovation du cœur de ville, a annoncé le maire mardi soir.</p></article></body></html>"));

        var document = InputFiles.Read(folder).Documents().Single();

        Assert.Equal("iso-8859-15", document.Encoding);
        Assert.Equal("Le budget du cœur de ville\nLa commune consacrera 4,5 millions d'€ à la rénovation du cœur de ville, a annoncé le maire mardi soir.", document.Text);
    }

    [Fact]
    public void JsonTextThatIsNotAStringIsRejectedWithItsLineNumber()
    {
        var folder = InputFiles.ScratchFolder();
        File.WriteAllText(Path.Combine(folder, "flux.jsonl"), string.Join('\n',
            "{\"id\": 1, \"text\": \"Le gouvernement a annoncé lundi une décision.\"}",
            "{\"id\": 2, \"text\": 12}",
            "",
            "{\"text\": {\"body\": \"Un texte.\"}}",
            "{\"id\": 4, \"article\": [\"Un\", \"texte\"]}",
            "{\"id\": 5, \"text\": null, \"article\": true}"));

        var items = InputFiles.Read(folder);

        Assert.Single(items.Documents());
        Assert.Equal([
            "error: flux.jsonl (line 2, id 2): \"text\" is a number, not a string of text",
            "error: flux.jsonl (line 4): \"text\" is an object, not a string of text",
            "error: flux.jsonl (line 5, id 4): \"article\" is an array, not a string of text",
            "error: flux.jsonl (line 6, id 5): \"article\" is a boolean, not a string of text",
        ], items.Problems().Select(p => p.ToString()));
    }
}
