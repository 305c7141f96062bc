using Dossier.Storage;

namespace Dossier.Server.Endpoints;

/// <summary>/api/documents: the list (filter by date, outlet, language, story) and one document with its lines and annotations.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api, StorePool stores)
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
            return stores.Use(store =>
            {
                if (story is not null && !store.BrowseHas(BrowseKinds.Story, story)) return Problems.NotFound("story", story);
                string?[] facets = [language is null ? null : $"language:{language}", outlet is null ? null : $"outlet:{outlet.ToLowerInvariant()}", story is null ? null : $"story:{story}"];
                var filter = new BrowseFilter(BrowseKinds.Document, from, to, facets.OfType<string>().ToArray());
                return paging.Of(store.Browse(filter, paging.Offset, paging.Size));
            });
        })
        .WithSummary("Documents, filtered by publication date (from/to: YYYY[-MM[-DD]]), outlet, language and story; paged");

        StoredJson.MapOne(api, stores, "/documents/{id}", BrowseKinds.Document, "d",
            "One document as exported (text, lines with kinds) with its annotations (entity mentions, dates, figures, event triggers) and stories");
    }
}
