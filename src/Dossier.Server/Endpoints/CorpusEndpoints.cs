using Dossier.Storage;

namespace Dossier.Server.Endpoints;

/// <summary>Results across documents: events, series, stories and duplicate groups, as exported.</summary>
internal static class CorpusEndpoints
{
    public static void Map(RouteGroupBuilder api, StorePool stores)
    {
        api.MapGet("/events", (string? from, string? to, string? entity, string? story, string? top, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            from = errors.Date("from", from);
            to = errors.Date("to", to);
            entity = errors.Id("entity", entity, "e");
            story = errors.Id("story", story, "s");
            int? best = top is null ? null : errors.Integer("top", top, 0, 1, 10_000);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            return stores.Use(store =>
            {
                if (entity is not null && !store.BrowseHas(BrowseKinds.Entity, entity)) return Problems.NotFound("entity", entity);
                if (story is not null && !store.BrowseHas(BrowseKinds.Story, story)) return Problems.NotFound("story", story);
                string?[] facets = [entity is null ? null : $"entity:{entity}", story is null ? null : $"story:{story}"];
                var filter = new BrowseFilter(BrowseKinds.Event, from, to, facets.OfType<string>().ToArray(), Top: best);
                return paging.Of(store.Browse(filter, paging.Offset, paging.Size));
            });
        })
        .WithSummary("Events by date, filtered by date range, participant or place (entity) and story; top keeps the best-attested; paged");

        StoredJson.MapOne(api, stores, "/events/{id}", BrowseKinds.Event, "ev", "One event with its evidence lines and trigger mentions");
        MapList(api, stores, "/series", BrowseKinds.Series, "Series of figures measuring the same thing, with their dated points and disagreements; paged");
        StoredJson.MapOne(api, stores, "/series/{id}", BrowseKinds.Series, "q", "One series");
        MapList(api, stores, "/stories", BrowseKinds.Story, "Stories: a tree (parent) of document groups; paged");
        MapList(api, stores, "/duplicates", BrowseKinds.Duplicate, "Groups of near-duplicate documents with their similarity; paged");
    }

    /// <summary>A plain paged list of export objects.</summary>
    private static void MapList(RouteGroupBuilder api, StorePool stores, string path, string kind, string summary) =>
        api.MapGet(path, (string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            return errors.Any ? Results.ValidationProblem(errors.All) : paging.Of(stores.Use(store => store.Browse(new BrowseFilter(kind), paging.Offset, paging.Size)));
        })
        .WithSummary(summary);
}
