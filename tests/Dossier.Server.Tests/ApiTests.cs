using System.Net;
using System.Text.Json;

namespace Dossier.Server.Tests;

/// <summary>The HTTP API on the sample dossier: shapes, filters, paging, validation, problems.</summary>
public sealed class ApiTests(SampleDossier dossier) : IClassFixture<SampleDossier>
{
    private async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await dossier.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public void The_server_listens_on_loopback_only() => Assert.Equal("127.0.0.1", dossier.BaseAddress.Host);

    [Fact]
    public async Task Documents_are_listed_with_their_export_fields_and_paged()
    {
        var first = await Get("api/documents?size=2");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(["d1", "d2"], Ids(first));
        var item = first.GetProperty("items")[0];
        Assert.Equal("fr", item.GetProperty("language").GetString());
        Assert.False(item.TryGetProperty("text", out _));
        Assert.Equal(["d5"], Ids(await Get("api/documents?size=2&page=3")));
    }

    [Fact]
    public async Task Documents_are_filtered_by_publication_date()
    {
        var all = await Get("api/documents?size=500");
        var in2016 = all.GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("published").ValueKind == JsonValueKind.Object && d.GetProperty("published").GetProperty("value").GetString()!.StartsWith("2016", StringComparison.Ordinal))
            .Select(d => d.GetProperty("id").GetString()!).ToArray();
        Assert.NotEmpty(in2016);
        Assert.Equal(in2016, Ids(await Get("api/documents?from=2016&to=2016")));
        Assert.Empty(Ids(await Get("api/documents?language=en")));
    }

    [Fact]
    public async Task A_document_comes_with_its_lines_and_annotations_pointing_into_its_lines()
    {
        var body = await Get("api/documents/d3");
        var document = body.GetProperty("document");
        var lines = document.GetProperty("text").GetString()!.Split('\n');
        Assert.Contains(document.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "content");
        var annotations = body.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Contains(annotations, a => a.GetProperty("kind").GetString() == "entity" && a.GetProperty("text").GetString() == "Ashton Carter");
        Assert.Contains(annotations, a => a.GetProperty("kind").GetString() == "timex");
        Assert.Contains(annotations, a => a.GetProperty("kind").GetString() == "quantity");
        foreach (var a in annotations)
        {
            var line = lines[a.GetProperty("line").GetInt32() - 1];
            Assert.Equal(a.GetProperty("text").GetString(), line[a.GetProperty("start").GetInt32()..a.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public async Task An_entity_lists_its_role_phrases_and_mentions()
    {
        var people = await Get("api/entities?type=PER&q=Carter");
        var carter = Assert.Single(people.GetProperty("items").EnumerateArray());
        Assert.Equal("Ashton Carter", carter.GetProperty("name").GetString());
        var entity = await Get($"api/entities/{carter.GetProperty("id").GetString()}");
        Assert.Contains("le chef du Pentagone", entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(entity.GetProperty("mentions").EnumerateArray(), m => m.GetProperty("text").GetString() == "le chef du Pentagone");
    }

    [Fact]
    public async Task Search_finds_the_accented_spelling_and_names_lines_and_marks()
    {
        var body = await Get("api/search?q=" + Uri.EscapeDataString("Etat islamique"));
        Assert.Equal(5, body.GetProperty("total").GetInt32());
        var marks = body.GetProperty("items").EnumerateArray().SelectMany(d => d.GetProperty("hits").EnumerateArray())
            .SelectMany(h => h.GetProperty("marks").EnumerateArray().Select(m => h.GetProperty("text").GetString()![m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()]))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("État", marks);
    }

    [Fact]
    public async Task An_event_is_listed_with_its_first_trigger_and_the_counts_of_its_evidence_lines_and_participants_and_shown_whole_by_its_id()
    {
        var listed = (await Get("api/events?size=500")).GetProperty("items").EnumerateArray()
            .First(e => e.TryGetProperty("first_evidence", out var at) && at.TryGetProperty("start", out _));
        Assert.False(listed.TryGetProperty("mentions", out _));
        Assert.False(listed.TryGetProperty("evidence", out _));
        Assert.False(listed.TryGetProperty("participants", out _));
        var whole = await Get($"api/events/{listed.GetProperty("id").GetString()}");
        Assert.Equal(whole.GetProperty("participants").GetArrayLength(), listed.GetProperty("participant_count").GetInt32());
        Assert.Equal(whole.GetProperty("evidence").GetArrayLength(), listed.GetProperty("evidence_lines").GetInt32());
        Assert.Equal(whole.GetProperty("mentions")[0].GetRawText(), listed.GetProperty("first_evidence").GetRawText());
        Assert.Equal(whole.GetProperty("summary").GetString(), listed.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Series_stories_duplicates_graph_and_events_answer_in_the_export_shape()
    {
        var series = await Get("api/series");
        Assert.True(series.GetProperty("total").GetInt32() > 0);
        Assert.True(series.GetProperty("items")[0].TryGetProperty("points", out _));
        Assert.True((await Get("api/stories")).GetProperty("total").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Array, (await Get("api/duplicates")).GetProperty("items").ValueKind);
        Assert.Equal(JsonValueKind.Array, (await Get("api/events?from=2016-01-01&to=2020-12")).GetProperty("items").ValueKind);
        var graph = await Get("api/graph");
        Assert.True(graph.GetProperty("edges").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_graph_with_a_limit_gives_the_heaviest_edges_and_the_entities_they_join()
    {
        static List<int> Weights(JsonElement graph) => graph.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("weight").GetInt32()).ToList();
        var all = Weights(await Get("api/graph?limit=5000"));
        var three = await Get("api/graph?limit=3");

        Assert.Equal(all.OrderDescending().Take(3), Weights(three).OrderDescending());
        var ends = three.GetProperty("edges").EnumerateArray().SelectMany(e => new[] { e.GetProperty("source").GetString(), e.GetProperty("target").GetString() });
        Assert.Equal(ends.Distinct().Order(StringComparer.Ordinal), three.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("api/documents?size=0", "size")]
    [InlineData("api/documents?size=100000", "size")]
    [InlineData("api/documents?page=-1", "page")]
    [InlineData("api/documents?from=yesterday", "from")]
    [InlineData("api/entities?type=PERSON", "type")]
    [InlineData("api/documents/abc", "id")]
    [InlineData("api/search", "q")]
    [InlineData("api/events?entity=x1", "entity")]
    public async Task Bad_input_is_a_validation_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await dossier.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("api/documents/d99")]
    [InlineData("api/entities/e9999")]
    [InlineData("api/events?entity=e9999")]
    [InlineData("api/events?story=s9999")]
    [InlineData("api/documents?story=s9999")]
    [InlineData("api/nothing")]
    public async Task What_is_not_there_is_a_404_problem(string path)
    {
        using var response = await dossier.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nothing_writes_and_the_page_forbids_scripts_from_elsewhere()
    {
        using var body = new StringContent("{}");
        using var post = await dossier.Http.PostAsync("api/documents", body);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var page = await dossier.Http.GetAsync("");
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_endpoints()
    {
        var openapi = await Get("openapi/v1.json");
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/documents", paths);
        Assert.Contains("/api/documents/{id}", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/events", paths);
    }
}
