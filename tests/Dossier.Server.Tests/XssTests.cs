using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Dossier.Storage.Browse;
using Dossier.Storage.Sqlite;
using OpenQA.Selenium;

namespace Dossier.Server.Tests;

/// <summary>Articles whose titles, text, addresses and names carry markup and script payloads.</summary>
public class HostileDossier : ServedDossier
{
    /// <summary>Each payload sets window.__xss if it ever runs; the others try to load or navigate.</summary>
    public static readonly string[] Payloads =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=2\">",
        "<svg onload=window.__xss=3>",
        "<iframe src=\"javascript:window.__xss=4\"></iframe>",
        "<a href=\"javascript:window.__xss=5\">lire la suite</a>",
        "\"><script>window.__xss=6</script>",
        "'><img src=x onerror=window.__xss=7>",
        "<body onload=window.__xss=8>",
        "<details open ontoggle=window.__xss=9>",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=10>",
        "<object data=\"javascript:window.__xss=11\">",
        "<embed src=\"javascript:window.__xss=12\">",
        "<input autofocus onfocus=window.__xss=13>",
        "<video><source onerror=\"window.__xss=14\">",
        "<style>@import 'http://127.0.0.1:9/x.css';</style>",
        "<link rel=stylesheet href=http://127.0.0.1:9/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=17\">",
        "<marquee onstart=window.__xss=18>",
        "<base href=\"javascript:window.__xss=19//\">",
        "<form action=javascript:window.__xss=20><button>envoyer</button></form>",
        "&lt;script&gt;window.__xss=21&lt;/script&gt;",
        "<p style=\"background:url(javascript:window.__xss=22)\">",
    ];

    private static readonly string[] Addresses = ["javascript:window.__xss=30", "data:text/html,<script>window.__xss=31</script>", "https://example.org/\"><script>window.__xss=32</script>"];

    protected override IReadOnlyList<string> Inputs(string folder)
    {
        var path = Path.Combine(folder, "hostile.jsonl");
        File.WriteAllLines(path, Payloads.Select((payload, i) => JsonSerializer.Serialize(new
        {
            id = $"x{i}",
            url = Addresses[i % Addresses.Length],
            title = $"Article {i} {payload}",
            published = $"2016-04-{i + 1:00}",
            text = $"Le ministre Jean {payload}Dupont a rencontré lundi à Paris le président Emmanuel Macron{payload}, a indiqué le ministère.\n" +
                   $"{payload} Selon l'Agence France-Presse, la réunion a duré deux heures et a porté sur {payload} la sécurité.",
        })));
        return [path];
    }
}

/// <summary>The hostile dossier with a payload in every entity's name and every payload in its aliases. The tagger keeps no
/// markup in a name, so the names are given their payloads in the corpus results the reading index is made
/// from: the page receives them from the API as it would names from any other source.</summary>
public sealed class HostileNamesDossier : HostileDossier
{
    protected override void Built(SqliteDossierStore store)
    {
        var documents = BrowseIndex.Read(store);
        var corpus = CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray());
        var entities = corpus.Entities.Select((entity, i) => entity with
        {
            Name = $"{entity.Name} {Payloads[i % Payloads.Length]}",
            // Every payload in the aliases each entity's page lists.
            Aliases = entity.Aliases.SelectMany(a => Payloads.Select(p => $"{a} {p}")).ToArray(),
        }).ToArray();
        store.WriteBrowseIndex(BrowseIndex.Items(documents, corpus with { Entities = entities }).ToList());
    }
}

/// <summary>Article text is data: every view of a hostile dossier shows the payloads as text and runs none.</summary>
public sealed class XssTests(HostileDossier dossier) : IClassFixture<HostileDossier>, IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => _browser.Driver;

    private void AssertNothingRan() => AssertNothingRan(Driver);

    /// <summary>Nothing ran, and no element came from the data: the page's own markup has no image,
    /// frame, object, form, input, video, style, link, meta or base element.</summary>
    internal static void AssertNothingRan(OpenQA.Selenium.Chrome.ChromeDriver driver)
    {
        Assert.Null(driver.ExecuteScript("return window.__xss === undefined ? null : String(window.__xss)"));
        Assert.Empty(driver.FindElements(By.CssSelector("main img, main iframe, main object, main embed, main form:not(#search-form), main input:not(#search-input):not(#entity-name), main video, main style, main link, main meta, main base, main marquee, main details, main math, main script")));
        Assert.Empty(driver.FindElements(By.CssSelector("main a[href^='javascript'], main a[href^='data']")));
    }

    [Fact]
    public void Payloads_in_titles_text_and_addresses_show_as_text_in_the_timeline_and_the_evidence()
    {
        _browser.Open(dossier.BaseAddress, "/timeline");
        var items = _browser.Wait(d => d.FindElements(By.CssSelector("#timeline-items .timeline-item.kind-document")) is { Count: > 0 } found ? found : null);
        Assert.Equal(HostileDossier.Payloads.Length, items.Count);
        Assert.Equal(HostileDossier.Payloads.Select((p, i) => $"Article {i} {p}").Order(StringComparer.Ordinal), items.Select(i => i.Text).Order(StringComparer.Ordinal));
        AssertNothingRan();
        for (var i = 0; i < items.Count; i++)
        {
            var item = Driver.FindElements(By.CssSelector("#timeline-items .timeline-item.kind-document"))[i];
            var expected = item.Text;
            item.Click();
            _browser.WaitUntil(d => d.FindElement(By.Id("evidence-title")).Text == expected);
            var payload = expected[(expected.IndexOf(' ', "Article ".Length) + 1)..];
            Assert.Contains(payload, Driver.FindElement(By.Id("evidence-body")).Text, StringComparison.Ordinal);
            AssertNothingRan();
        }
        _browser.Screenshot("xss-evidence");
    }

    /// <summary>The tagger keeps no markup character in a name (payloads glued to names leave "Dupont",
    /// "Emmanuel Macron"), so entity names are checked to be shown exactly as the API gives them.</summary>
    [Fact]
    public async Task Entity_names_mentions_and_search_results_show_as_text()
    {
        using var api = System.Text.Json.JsonDocument.Parse(await dossier.Http.GetStringAsync("api/entities?size=500"));
        var expected = api.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("Emmanuel Macron", expected);
        _browser.Open(dossier.BaseAddress, "/entities");
        var names = _browser.Wait(d => d.FindElements(By.CssSelector("#entity-list .entity-link")) is { Count: > 0 } found ? found.Select(r => r.Text).ToArray() : null);
        Assert.Equal(expected, names.Order(StringComparer.Ordinal));
        AssertNothingRan();
        foreach (var link in Driver.FindElements(By.CssSelector("#entity-list .entity-link")).Take(5).Select(a => a.GetAttribute("href")).ToArray())
        {
            Driver.Navigate().GoToUrl("about:blank");
            Driver.Navigate().GoToUrl(link!);
            _browser.Wait(d => d.FindElements(By.CssSelector("#entity-mentions button.mention")).FirstOrDefault())!.Click();
            _browser.Wait(d => d.FindElements(By.CssSelector("#evidence .target")).FirstOrDefault());
            AssertNothingRan();
        }

        _browser.Open(dossier.BaseAddress, "/search/" + Uri.EscapeDataString("script window"));
        var total = _browser.Wait(d => d.FindElements(By.Id("search-total")).FirstOrDefault()?.Text);
        Assert.NotEqual("0 documents", total);
        Assert.Contains("<script>", Driver.FindElement(By.Id("search-results")).Text, StringComparison.Ordinal);
        AssertNothingRan();
    }
}

/// <summary>Entity names are data too: the entity list, an entity's page, the graph and the evidence
/// viewer show names carrying payloads as text and run none.</summary>
public sealed class XssNameTests(HostileNamesDossier dossier) : IClassFixture<HostileNamesDossier>, IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task Payloads_in_entity_names_show_as_text_in_every_view_that_names_entities()
    {
        using var api = JsonDocument.Parse(await dossier.Http.GetStringAsync("api/entities?size=500"));
        var expected = api.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.All(HostileDossier.Payloads.Take(Math.Min(expected.Length, HostileDossier.Payloads.Length)), p => Assert.Contains(expected, name => name.EndsWith(" " + p, StringComparison.Ordinal)));

        _browser.Open(dossier.BaseAddress, "/entities");
        var names = _browser.Wait(d => d.FindElements(By.CssSelector("#entity-list .entity-link")) is { Count: > 0 } found ? found.Select(r => r.Text).ToArray() : null);
        Assert.Equal(expected, names.Order(StringComparer.Ordinal));
        XssTests.AssertNothingRan(_browser.Driver);
        foreach (var link in _browser.Driver.FindElements(By.CssSelector("#entity-list .entity-link")).Select(a => a.GetAttribute("href")).ToArray())
        {
            _browser.Driver.Navigate().GoToUrl("about:blank");
            _browser.Driver.Navigate().GoToUrl(link!);
            var title = _browser.Wait(d => d.FindElements(By.Id("entity-name-title")).FirstOrDefault()?.Text);
            Assert.Contains(expected, name => title!.StartsWith(name, StringComparison.Ordinal));
            var aliases = _browser.Driver.FindElements(By.CssSelector("#entity-aliases li")).Select(li => li.Text).ToArray();
            Assert.All(HostileDossier.Payloads, p => Assert.Contains(aliases, a => a.EndsWith(" " + p, StringComparison.Ordinal)));
            _browser.Wait(d => d.FindElements(By.CssSelector("#entity-mentions button.mention")).FirstOrDefault())!.Click();
            _browser.Wait(d => d.FindElements(By.CssSelector("#evidence .target")).FirstOrDefault());
            XssTests.AssertNothingRan(_browser.Driver);
        }

        _browser.Open(dossier.BaseAddress, "/graph");
        _browser.Wait(d => d.FindElements(By.CssSelector("#graph text")) is { Count: > 0 } found ? found : null);
        XssTests.AssertNothingRan(_browser.Driver);
    }
}
