using OpenQA.Selenium;

namespace Dossier.Server.Tests;

/// <summary>The page on the sample dossier, in a real headless Chromium.</summary>
public sealed class PageTests(SampleDossier dossier) : IClassFixture<SampleDossier>, IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => _browser.Driver;

    [Fact]
    public async Task The_timeline_shows_the_dated_items_and_a_click_opens_the_evidence()
    {
        using var documents = System.Text.Json.JsonDocument.Parse(await dossier.Http.GetStringAsync("api/documents"));
        var dated = documents.RootElement.GetProperty("items").EnumerateArray()
            .Count(d => d.GetProperty("published").ValueKind == System.Text.Json.JsonValueKind.Object && !d.GetProperty("published").GetProperty("value").GetString()!.StartsWith('X'));
        Assert.Equal(3, dated);
        _browser.Open(dossier.BaseAddress, "/timeline");
        var items = _browser.Wait(d => d.FindElements(By.CssSelector("#timeline-items .timeline-item")) is { Count: > 0 } found ? found : null);
        var status = Driver.FindElement(By.Id("timeline-status")).Text;
        Assert.Matches($@"^\d+ events.*, {dated} dated articles\.$", status);
        Assert.Equal(dated, items.Count(i => i.GetAttribute("class")!.Contains("kind-document", StringComparison.Ordinal)));
        _browser.Screenshot("timeline");

        var first = items.First(i => i.GetAttribute("class")!.Contains("kind-document", StringComparison.Ordinal));
        var title = first.Text;
        first.Click();
        var heading = _browser.Wait(d => d.FindElement(By.Id("evidence-title")).Text is { Length: > 0 } text ? text : null);
        Assert.Equal(title, heading);
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#evidence .ann-entity")));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#evidence .ann-timex")));
        _browser.Screenshot("evidence");
    }

    [Fact]
    public async Task The_timeline_shows_the_dated_events_and_a_click_on_one_opens_its_evidence_with_the_trigger_marked()
    {
        using var events = System.Text.Json.JsonDocument.Parse(await dossier.Http.GetStringAsync("api/events?size=500"));
        var dated = events.RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("date").GetString() is { } date && char.IsAsciiDigit(date[0]))
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("first_evidence").Clone());
        Assert.NotEmpty(dated);
        _browser.Open(dossier.BaseAddress, "/timeline");
        var items = _browser.Wait(d => d.FindElements(By.CssSelector("#timeline-items .timeline-item.kind-event")) is { Count: > 0 } found ? found : null);
        Assert.Equal(dated.Keys.Order(StringComparer.Ordinal), items.Select(i => i.GetAttribute("data-id")!).Order(StringComparer.Ordinal));

        var clicked = items[0];
        var trigger = dated[clicked.GetAttribute("data-id")!];
        clicked.Click();
        var target = _browser.Wait(d => d.FindElements(By.CssSelector("#evidence .target")) is { Count: > 0 } found ? found : null);
        Assert.Equal(trigger.GetProperty("text").GetString(), string.Concat(target.Select(t => t.Text)));
        Assert.All(target, t => Assert.Contains("ann-event", t.GetAttribute("class"), StringComparison.Ordinal));
        Assert.Equal(trigger.GetProperty("line").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            target[0].FindElement(By.XPath("ancestor::p[@data-line]")).GetAttribute("data-line"));
        _browser.Screenshot("event-evidence");
    }

    [Fact]
    public void Clicking_a_mention_opens_its_sentence_with_the_mention_outlined()
    {
        _browser.Open(dossier.BaseAddress, "/entities");
        var carter = _browser.Wait(d => d.FindElements(By.CssSelector("#entity-list .entity-link")).FirstOrDefault(a => a.Text == "Ashton Carter"));
        _browser.Screenshot("entities");
        carter.Click();
        var aliases = _browser.Wait(d => d.FindElements(By.CssSelector("#entity-aliases li")) is { Count: > 0 } found ? found : null);
        Assert.Contains("le chef du Pentagone", aliases.Select(a => a.Text));
        _browser.Screenshot("entity");

        Driver.FindElements(By.CssSelector("#entity-mentions button.mention")).First(b => b.Text == "le chef du Pentagone").Click();
        var target = _browser.Wait(d => d.FindElements(By.CssSelector("#evidence .target")) is { Count: > 0 } found ? found : null);
        Assert.Equal("le chef du Pentagone", string.Concat(target.Select(t => t.Text)));
    }

    [Fact]
    public void Searching_Etat_islamique_finds_the_documents_spelled_Etat_with_an_accent()
    {
        _browser.Open(dossier.BaseAddress, "/search");
        Driver.FindElement(By.Id("search-input")).SendKeys("Etat islamique");
        Driver.FindElement(By.Id("search-button")).Click();
        var total = _browser.Wait(d => d.FindElements(By.Id("search-total")).FirstOrDefault()?.Text);
        Assert.Equal("5 documents", total);
        var marks = Driver.FindElements(By.CssSelector("#search-results mark")).Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("État", marks);
        Assert.Contains("islamique", marks);
        _browser.Screenshot("search");
    }

    [Fact]
    public void The_other_views_draw_from_the_dossier()
    {
        _browser.Open(dossier.BaseAddress, "/graph");
        Assert.NotEmpty(_browser.Wait(d => d.FindElements(By.CssSelector("#graph .node")) is { Count: > 0 } found ? found : null));
        _browser.Screenshot("graph");
        _browser.Open(dossier.BaseAddress, "/series");
        Assert.NotEmpty(_browser.Wait(d => d.FindElements(By.CssSelector(".chart .point")) is { Count: > 0 } found ? found : null));
        _browser.Screenshot("series");
        _browser.Open(dossier.BaseAddress, "/stories");
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".story")));
        _browser.Screenshot("stories");
    }
}
