using System.Text.Json;

namespace Dossier.Server.Endpoints;

/// <summary>/api/entities: the list (filter by type, name) and one entity with its mentions and the
/// names and roles it goes by; /api/graph: who is named with whom.</summary>
internal static class EntityEndpoints
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public static void Map(RouteGroupBuilder api, DossierSnapshot dossier)
    {
        var summaries = dossier.Entities.Select(e => new EntitySummary(
            e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("type").GetString()!,
            e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToArray(), e.GetProperty("mentions").GetArrayLength()))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();

        api.MapGet("/entities", (string? type, string? q, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            type = errors.OneOf("type", type, Types);
            q = errors.Text("q", q, 200);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            var items = summaries.Where(e => (type is null || e.Type == type)
                && (q is null || e.Aliases.Any(a => a.Contains(q, StringComparison.OrdinalIgnoreCase)))).ToList();
            return Results.Json(paging.Of(items));
        })
        .WithSummary("Entities, most mentioned first, filtered by type (PER, ORG, LOC, MISC) and by a part of any of their names; paged");

        api.MapGet("/entities/{id}", (string id) =>
        {
            var errors = new RequestErrors();
            errors.Id("id", id, "e");
            if (errors.Any) return Results.ValidationProblem(errors.All);
            return dossier.EntityIndex.TryGetValue(id, out var entity) ? Results.Json(entity) : Problems.NotFound("entity", id);
        })
        .WithSummary("One entity as exported: name, type, aliases (name variants and role phrases) and every mention");

        api.MapGet("/graph", (string? limit) =>
        {
            var errors = new RequestErrors();
            var edges = errors.Integer("limit", limit, 500, 1, 100_000);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            return Results.Json(new { nodes = dossier.Graph.Nodes, edges = dossier.Graph.Edges.Take(edges) });
        })
        .WithSummary("The entity co-occurrence graph: entities named in the same line; the heaviest edges first");
    }

    private sealed record EntitySummary(string Id, string Name, string Type, string[] Aliases, int Mentions);

    internal static IEnumerable<string> Participants(JsonElement ev) =>
        ev.TryGetProperty("participants", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(x => x.GetString() ?? "") : [];
}
