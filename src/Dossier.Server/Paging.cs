using System.Globalization;
using System.Text;
using Dossier.Storage;

namespace Dossier.Server;

/// <summary>A page of a list: <c>page</c> counts from 1, <c>size</c> items at most.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int DefaultSize = 50, MaxSize = 500;

    public int Offset => (Page - 1) * Size;

    /// <summary>The page as JSON: how many items in all, which page, and the items' stored JSON as it is.</summary>
    public IResult Of(BrowsePage page) => new PageResult(this, page);

    /// <summary>Writes each item's JSON straight into the response as UTF-8: a page of 500 events is
    /// 280 KB, which a string built first would copy twice, on the large-object heap.</summary>
    private sealed class PageResult(Paging paging, BrowsePage page) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = StoredJson.ContentType;
            var body = context.Response.BodyWriter;
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"total":{{page.Total}},"page":{{paging.Page}},"size":{{paging.Size}},"items":["""), body);
            for (var i = 0; i < page.Items.Count; i++)
            {
                if (i > 0) Encoding.UTF8.GetBytes(",", body);
                Encoding.UTF8.GetBytes(page.Items[i], body);
            }
            Encoding.UTF8.GetBytes("]}", body);
            return body.FlushAsync(context.RequestAborted).AsTask();
        }
    }
}

/// <summary>JSON read from the dossier's reading index, answered as it is.</summary>
internal static class StoredJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Of(string json) => Results.Text(json, ContentType);

    /// <summary>GET <paramref name="path"/>: one item of a kind by its id (<paramref name="prefix"/> and a number).</summary>
    public static void MapOne(RouteGroupBuilder api, StorePool stores, string path, string kind, string prefix, string summary) =>
        api.MapGet(path, (string id) =>
        {
            var errors = new RequestErrors();
            errors.Id("id", id, prefix);
            if (errors.Any) return Results.ValidationProblem(errors.All);
            return stores.Use(store => store.BrowseDetail(kind, id)) is { } item ? Of(item) : Problems.NotFound(kind, id);
        })
        .WithSummary(summary);
}
