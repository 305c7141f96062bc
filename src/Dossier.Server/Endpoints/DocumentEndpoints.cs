using System.Text.Json;

namespace Dossier.Server.Endpoints;

/// <summary>/api/documents: the list (filter by date, outlet, language, story) and one document with its lines and annotations.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api, DossierSnapshot dossier)
    {
        api.MapGet("/documents", (string? from, string? to, string? outlet, string? language, string? story, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            from = errors.Date("from", from);
            to = errors.Date("to", to);
            story = errors.Id("story", story, "s");
            outlet = errors.Text("outlet", outlet, 200);
            language = errors.Text("language", language, 20);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            if (story is not null && !dossier.StoryIndex.ContainsKey(story)) return Problems.NotFound("story", story);
            var items = dossier.DocumentSummaries.Where(d =>
                DateRange.Contains(Published(d), from, to)
                && (outlet is null || string.Equals(DossierSnapshot.StringOf(d, "outlet"), outlet, StringComparison.OrdinalIgnoreCase))
                && (language is null || DossierSnapshot.StringOf(d, "language") == language)
                && (story is null || dossier.StoriesOfDocument.TryGetValue(DossierSnapshot.StringOf(d, "id")!, out var stories) && stories.Contains(story)))
                .ToList();
            return Results.Json(paging.Of(items));
        })
        .WithSummary("Documents, filtered by publication date (from/to: YYYY[-MM[-DD]]), outlet, language and story; paged");

        api.MapGet("/documents/{id}", (string id) =>
        {
            var errors = new RequestErrors();
            errors.Id("id", id, "d");
            if (errors.Any) return Results.ValidationProblem(errors.All);
            if (!dossier.DocumentIndex.TryGetValue(id, out var index)) return Problems.NotFound("document", id);
            return Results.Json(new
            {
                document = dossier.Documents[index],
                annotations = dossier.Annotations.GetValueOrDefault(id) ?? [],
                stories = dossier.StoriesOfDocument.GetValueOrDefault(id)?.Order(StringComparer.Ordinal).ToArray() ?? [],
            });
        })
        .WithSummary("One document as exported (text, lines with kinds) with its annotations: entity mentions, dates, figures, event triggers");
    }

    private static string? Published(JsonElement document) =>
        document.TryGetProperty("published", out var published) && published.ValueKind == JsonValueKind.Object ? DossierSnapshot.StringOf(published, "value") : null;
}
