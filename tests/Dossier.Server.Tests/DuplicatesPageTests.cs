using OpenQA.Selenium;

namespace Dossier.Server.Tests;

/// <summary>The sample articles and a republished copy of one of them, with a credit line added.</summary>
public sealed class RepublishedDossier : ServedDossier
{
    public const string Original = "002_888d00f59fb284be.txt";

    protected override IReadOnlyList<string> Inputs(string folder)
    {
        var copy = Path.Combine(folder, "republished.txt");
        File.WriteAllText(copy, File.ReadAllText(Path.Combine(Repository(), "samples", Original)) + "\n(Avec AFP)\n");
        return [Path.Combine(Repository(), "samples"), copy];
    }
}

/// <summary>The duplicates view, in a real headless Chromium.</summary>
public sealed class DuplicatesPageTests(RepublishedDossier dossier) : IClassFixture<RepublishedDossier>, IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public void A_republished_copy_is_listed_with_its_original_and_each_opens_its_text()
    {
        _browser.Open(dossier.BaseAddress, "/duplicates");
        var groups = _browser.Wait(d => d.FindElements(By.CssSelector("#duplicate-groups li")) is { Count: > 0 } found ? found : null);
        var documents = Assert.Single(groups).FindElements(By.CssSelector("button"));
        Assert.Equal(2, documents.Count);
        Assert.Equal(RepublishedDossier.Original, documents[0].Text);
        var copy = documents[1];
        Assert.EndsWith("republished.txt", copy.Text, StringComparison.Ordinal);
        _browser.Screenshot("duplicates");

        var title = copy.Text;
        copy.Click();
        Assert.Equal(title, _browser.Wait(d => d.FindElement(By.Id("evidence-title")).Text is { Length: > 0 } text ? text : null));
        Assert.Contains("(Avec AFP)", _browser.Driver.FindElement(By.Id("evidence-body")).Text, StringComparison.Ordinal);
    }
}
