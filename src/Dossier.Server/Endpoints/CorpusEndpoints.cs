using System.Text.Json;

namespace Dossier.Server.Endpoints;

/// <summary>Results across documents: events, series, stories and duplicate groups, as exported.</summary>
internal static class CorpusEndpoints
{
    public static void Map(RouteGroupBuilder api, DossierSnapshot dossier)
    {
        api.MapGet("/events", (string? from, string? to, string? entity, string? story, string? top, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            from = errors.Date("from", from);
            to = errors.Date("to", to);
            entity = errors.Id("entity", entity, "e");
            story = errors.Id("story", story, "s");
            var best = errors.Integer("top", top, int.MaxValue, 1, 10_000);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            if (entity is not null && !dossier.EntityIndex.ContainsKey(entity)) return Problems.NotFound("entity", entity);
            if (story is not null && !dossier.StoryIndex.ContainsKey(story)) return Problems.NotFound("story", story);
            var items = dossier.Events.Where(e =>
                    DateRange.Contains(DossierSnapshot.StringOf(e, "date"), from, to)
                    && (entity is null || EntityEndpoints.Participants(e).Contains(entity, StringComparer.Ordinal) || DossierSnapshot.StringOf(e, "place") == entity)
                    && (story is null || EvidenceDocuments(e).Any(d => dossier.StoriesOfDocument.TryGetValue(d, out var s) && s.Contains(story))))
                .OrderByDescending(e => e.TryGetProperty("evidence", out var ev) ? ev.GetArrayLength() : 0)
                .Take(best)
                .OrderBy(e => DossierSnapshot.StringOf(e, "date") ?? "~", StringComparer.Ordinal)
                .ToList();
            return Results.Json(paging.Of(items));
        })
        .WithSummary("Events by date, filtered by date range, participant or place (entity) and story; top keeps the best-attested; paged");

        api.MapGet("/events/{id}", (string id) =>
            dossier.EventIndex.TryGetValue(id, out var ev) ? Results.Json(ev) : Problems.NotFound("event", id))
        .WithSummary("One event with its evidence lines and trigger mentions");

        api.MapGet("/series", (string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            return errors.Any ? Results.ValidationProblem(errors.All) : Results.Json(paging.Of(dossier.Series));
        })
        .WithSummary("Series of figures measuring the same thing, with their dated points and disagreements; paged");

        api.MapGet("/series/{id}", (string id) =>
            dossier.SeriesIndex.TryGetValue(id, out var series) ? Results.Json(series) : Problems.NotFound("series", id))
        .WithSummary("One series");

        api.MapGet("/stories", (string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            return errors.Any ? Results.ValidationProblem(errors.All) : Results.Json(paging.Of(dossier.Stories));
        })
        .WithSummary("Stories: a tree (parent) of document groups; paged");

        api.MapGet("/duplicates", (string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            return errors.Any ? Results.ValidationProblem(errors.All) : Results.Json(paging.Of(dossier.Duplicates));
        })
        .WithSummary("Groups of near-duplicate documents with their similarity; paged");
    }

    private static IEnumerable<string> EvidenceDocuments(JsonElement ev) =>
        ev.TryGetProperty("evidence", out var evidence) ? evidence.EnumerateArray().Select(e => DossierSnapshot.StringOf(e, "doc") ?? "") : [];
}
