using System.Text;
using System.Text.Json;
using Dossier.Storage;

namespace Dossier.Server.Endpoints;

/// <summary>/api/entities: the list (filter by type, name) and one entity with its mentions and the
/// names and roles it goes by; /api/graph: who is named with whom.</summary>
internal static class EntityEndpoints
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public static void Map(RouteGroupBuilder api, StorePool stores)
    {
        api.MapGet("/entities", (string? type, string? q, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            type = errors.OneOf("type", type, Types);
            q = errors.Text("q", q, 200);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            var filter = new BrowseFilter(BrowseKinds.Entity, Facets: type is null ? [] : [$"type:{type}"], NameContains: q?.ToLowerInvariant());
            return paging.Of(stores.Use(store => store.Browse(filter, paging.Offset, paging.Size)));
        })
        .WithSummary("Entities, most mentioned first, filtered by type (PER, ORG, LOC, MISC) and by a part of any of their names; paged");

        StoredJson.MapOne(api, stores, "/entities/{id}", BrowseKinds.Entity, "e",
            "One entity as exported: name, type, aliases (name variants and role phrases) and every mention");

        api.MapGet("/graph", (string? limit) =>
        {
            var errors = new RequestErrors();
            var edges = errors.Integer("limit", limit, 500, 1, Storage.Browse.BrowseIndex.GraphEdges);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            return stores.Use(store =>
            {
                var heaviest = store.Browse(new BrowseFilter(BrowseKinds.GraphEdge, Top: edges), 0, edges).Items;
                var ends = heaviest.SelectMany(e =>
                {
                    using var edge = JsonDocument.Parse(e);
                    return new[] { edge.RootElement.GetProperty("source").GetString()!, edge.RootElement.GetProperty("target").GetString()! };
                }).Distinct(StringComparer.Ordinal);
                var json = new StringBuilder("{\"nodes\":[");
                json.AppendJoin(',', ends.Select(id => store.BrowseDetail(BrowseKinds.GraphNode, id)).OfType<string>());
                json.Append("],\"edges\":[").AppendJoin(',', heaviest).Append("]}");
                return StoredJson.Of(json.ToString());
            });
        })
        .WithSummary("The entity co-occurrence graph: the heaviest edges (entities named in the same line) and the entities they join");
    }
}
