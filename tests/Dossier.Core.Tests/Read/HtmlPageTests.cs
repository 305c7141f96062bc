using Dossier.Core.Model;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Core.Tests.Read;

/// <summary>Saved news pages read as a user's build would: metadata from the page with its origin,
/// main text as lines, and page furniture never taken for content.</summary>
public class HtmlPageTests
{
    [Fact]
    public void FrenchNewsPageGivesTitleDateWithZoneAuthorAndItsTextOnly()
    {
        var path = InputFiles.SharedPage("html-maintext-dev", "gala.fr.surnom.html");
        var document = InputFiles.AnalyseFile(path);

        Assert.Equal("html", document.Source.Format);
        Assert.Equal("Jean-Paul Delevoye, monsieur retraites du gouvernement\u00A0: Jacques Chirac lui donnait un surnom peu flatteur", document.Metadata.Title!.Value);
        Assert.Equal("2019-12-09T09:08", document.Metadata.Published!.Value);
        Assert.Equal("2019-12-09 09:08:21+01:00", document.Metadata.Published.Text);
        Assert.Equal("html:json-ld datePublished", document.Metadata.Published.Origin);
        Assert.Equal("Marie Merlet", document.Metadata.Author!.Value);
        Assert.Equal(LineKind.Title, document.Lines[0].Kind);
        Assert.StartsWith("Chargé de porter la réforme des retraites, Jean-Paul Delevoye", document.LineText(document.Lines[1]));

        var page = File.ReadAllText(path);
        var content = document.ContentLines().ToList();
        foreach (var furniture in (string[])["Accueil", "partager sur", "Tous droits réservés", "Mentions Légales", "Paramétrer vos cookies", "par newsletter", "Crédits photos", "Dernières News sur"])
        {
            Assert.Contains(furniture, page, StringComparison.Ordinal);
            Assert.DoesNotContain(content, line => line.Contains(furniture, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void FrenchBlogPageLosesSoftHyphensAndKeepsItsZone()
    {
        var document = InputFiles.AnalyseFile(InputFiles.SharedPage("html-dev", "soundofscience.fr.1927.html"));

        Assert.Equal("Une candidature collective à la présidence du HCERES", document.Metadata.Title!.Value);
        Assert.Equal("2020-01-20T08:40:32+01:00", document.Metadata.Published!.Text);
        Assert.Equal("Martin Clavey", document.Metadata.Author!.Value);
        Assert.DoesNotContain('\u00AD', document.Text);
        Assert.StartsWith("En réaction à la candidature du conseiller recherche d’Emmanuel Macron", document.LineText(document.Lines[1]));
        Assert.DoesNotContain(document.ContentLines(), line => line == "Menu");
    }

    [Fact]
    public void EnglishNewsPageKeepsItsStandfirstAndDropsSiteFurniture()
    {
        var path = InputFiles.SharedPage("html-dev", "theguardian.com.academics.html");
        var document = InputFiles.AnalyseFile(path);

        Assert.Equal("Thousands of UK academics 'treated as second-class citizens'", document.Metadata.Title!.Value);
        Assert.Equal("2020-01-20T06:05:18.000Z", document.Metadata.Published!.Text);
        Assert.Equal("2020-01-20T06:05", document.Metadata.Published.Value);
        Assert.Equal("Richard Adams", document.Metadata.Author!.Value);
        var content = document.ContentLines().ToList();
        Assert.Contains("Report claims higher education institutions have created pool of low-paid staff for teaching and research", content);
        var page = File.ReadAllText(path);
        foreach (var furniture in (string[])["Sign in", "Most popular", "Cookie policy", "Newsletters", "All rights reserved"])
        {
            Assert.Contains(furniture, page, StringComparison.Ordinal);
            Assert.DoesNotContain(content, line => line.Contains(furniture, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NoscriptMenuInTheHeadDoesNotHideTheArticle()
    {
        var path = InputFiles.SharedPage("html-maintext-dev", "parcoabruzzo.it.58354.html");
        Assert.Contains("<noscript>", File.ReadAllText(path), StringComparison.OrdinalIgnoreCase);

        var content = InputFiles.AnalyseFile(path).ContentLines().ToList();

        Assert.Contains(content, line => line.Contains("Il risultato è molto positivo", StringComparison.Ordinal));
        Assert.DoesNotContain(content, line => line.Contains("Albo Online", StringComparison.Ordinal));
    }

    [Fact]
    public void PageDeclaringLatin1IsReadAsWindows1252()
    {
        var document = InputFiles.Read(InputFiles.SharedPage("html-dev", "landwirt.com.sensortechnik.html")).Documents().Single();

        Assert.Equal("windows-1252", document.Encoding);
        Assert.Contains("Auch neueste Technik kann den Menschen nicht ersetzen. Aber neue Sensoren und Indikatoren sehen mehr als das geschulte Melkerauge", document.Text);
        Assert.DoesNotContain('\uFFFD', document.Text);
    }

    [Fact]
    public void EveryExtractedLineMapsToTheSourceLineWhereItsBlockStarts()
    {
        var path = InputFiles.SharedPage("html-dev", "theguardian.com.academics.html");
        var document = InputFiles.Read(path).Documents().Single();
        var source = File.ReadAllLines(path);
        var lines = document.Text.Split('\n');
        var map = document.Hints.SourceLines!;

        Assert.Equal(lines.Length, map.Count);
        var body = Array.FindIndex(lines, l => l.StartsWith("Thousands of academic staff at British universities", StringComparison.Ordinal));
        Assert.True(map[body] > 0);
        Assert.Contains("Thousands of academic staff at British universities", string.Join('\n', source.Skip(map[body] - 1).Take(3)));
    }

    [Fact]
    public void MetadataFieldsSayWhereEachValueCameFrom()
    {
        var document = InputFiles.Read(InputFiles.SharedPage("html-maintext-dev", "gala.fr.surnom.html")).Documents().Single();
        var fields = document.Hints.Fields!;

        Assert.Contains(new HintField("published", "2019-12-09 09:08:21+01:00", "json-ld datePublished"), fields);
        Assert.Contains(new HintField("author", "Marie Merlet", "json-ld author"), fields);
        // The Open Graph title carries the site's name; structured data is trusted first.
        Assert.Contains(new HintField("title", "Jean-Paul Delevoye, monsieur retraites du gouvernement\u00A0: Jacques Chirac lui donnait un surnom peu flatteur - Gala", "meta[property=og:title]"), fields);
        Assert.Equal("json-ld headline", fields.First(f => f.Name == "title").Origin);
    }

    [Fact]
    public void PageIsRecognisedByContentWhateverItsName()
    {
        var folder = InputFiles.ScratchFolder();
        var renamed = Path.Combine(folder, "article.txt");
        File.Copy(InputFiles.SharedPage("html-dev", "theguardian.com.academics.html"), renamed);

        var document = InputFiles.Read(renamed).Documents().Single();

        Assert.Equal("html", document.Format);
        Assert.Equal("Thousands of UK academics 'treated as second-class citizens'", document.Hints.Title);
    }
}

/// <summary>What the page shows when its metadata is incomplete: the headline without the site's
/// name, and the date shown near the headline.</summary>
public class HtmlPageFallbackTests
{
    [Fact]
    public void HeadlineLosesTheSiteNameItsOpenGraphTitleCarries()
    {
        var document = InputFiles.Read(InputFiles.SharedPage("html-maintext-dev", "hejfish.com-stephan.html")).Documents().Single();

        Assert.Contains(document.Hints.Fields!, f => f is { Name: "title", Value: "Anglertalk mit Stephan Höferer - Fischerhütte | hejfish.com" });
        Assert.Equal("Anglertalk mit Stephan Höferer", document.Hints.Title);
    }

    [Fact]
    public void DateShownOnThePageIsKeptAsAMetadataLineWhenTheMetadataStatesNone()
    {
        var document = InputFiles.AnalyseFile(InputFiles.SharedPage("html-maintext-dev", "axios.com.future.html"));

        Assert.Null(document.Source.Hints.Published);
        Assert.Equal("Jan 18, 2019", document.LineText(document.Lines[1]));
        Assert.Equal(LineKind.Metadata, document.Lines[1].Kind);
        Assert.Equal("2019-01-18", document.Metadata.Published!.Value);
        Assert.Equal(2, document.Metadata.Published.Line);
    }
}
