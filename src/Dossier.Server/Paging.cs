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
    public IResult Of(BrowsePage page)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""{"total":{{page.Total}},"page":{{Page}},"size":{{Size}},"items":[""");
        json.AppendJoin(',', page.Items).Append("]}");
        return StoredJson.Of(json.ToString());
    }
}

/// <summary>JSON read from the dossier's reading index, answered as it is.</summary>
internal static class StoredJson
{
    public static IResult Of(string json) => Results.Text(json, "application/json; charset=utf-8");

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
