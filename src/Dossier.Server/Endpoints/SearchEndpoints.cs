using Dossier.Core.Search;
using Dossier.Storage;

namespace Dossier.Server.Endpoints;

/// <summary>/api/search: full-text search through the dossier's own index.</summary>
internal static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder api, StorePool stores)
    {
        api.MapGet("/search", (string? q, string? page, string? size) =>
        {
            var errors = new RequestErrors();
            var paging = errors.Paging(page, size);
            q = errors.Text("q", q, 500, required: true);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            var results = stores.Use(store => store.Search(SearchQuery.Parse(q!), paging.Offset, paging.Size));
            return Results.Json(new
            {
                query = results.Query,
                total = results.Total,
                page = paging.Page,
                size = paging.Size,
                items = results.Documents.Select(d => new
                {
                    doc = DocumentIds.Format(d.DocumentId),
                    title = d.Title,
                    path = d.Path,
                    score = d.Score,
                    hits = d.Sentences.Select(s => new
                    {
                        line = s.Line, start = s.Start, end = s.End, text = s.Text,
                        marks = s.Marks.Select(m => new { start = m.Start, end = m.End }),
                    }),
                }),
            });
        })
        .WithSummary("Full-text search: all words required, \"a phrase\", prefix*; French and English analysis; each document with its matching sentences (line, offsets in the line, marked words); paged");
    }
}
