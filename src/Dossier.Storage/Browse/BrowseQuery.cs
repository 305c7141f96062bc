using System.Globalization;
using System.Text;

namespace Dossier.Storage.Browse;

/// <summary>The query of a reading-index list, for every store alike (tables browse_items and
/// browse_facets, parameters written @name, which SQLite and PostgreSQL both read).</summary>
public static class BrowseQuery
{
    /// <summary>The items a filter keeps, as a query selecting <paramref name="columns"/>. With facets,
    /// the first one's index gives the items in rank order; a top k is taken by weight first.</summary>
    /// <param name="contains">The store's test that text <c>{0}</c> holds text <c>{1}</c> ("instr({0}, {1}) > 0").</param>
    public static (string Sql, List<(string Name, object Value)> Parameters) Build(BrowseFilter filter, string columns, string order, string contains)
    {
        filter = OwnFacetsFirst(filter);
        var facets = filter.Facets ?? [];
        var sql = new StringBuilder();
        var source = filter.Top is null ? "browse_items" : "top_items";
        if (filter.Top is not null)
            sql.Append("WITH top_items AS (SELECT * FROM browse_items i WHERE i.kind = @kind").Append(Conditions(filter, 0, contains))
               .Append(" ORDER BY i.weight DESC, i.rank LIMIT @top) ");
        sql.Append(CultureInfo.InvariantCulture, $"SELECT {columns} FROM ");
        var fromFacets = filter.Top is null && FirstFacetIsOwn(filter);
        sql.Append(fromFacets
            ? $"browse_facets f JOIN {source} i ON i.kind = f.kind AND i.rank = f.rank WHERE f.kind = @kind AND f.facet = @facet0"
            : $"{source} i WHERE i.kind = @kind");
        if (filter.Top is null) sql.Append(Conditions(filter, fromFacets ? 1 : 0, contains));
        sql.Append(' ').Append(order);

        var parameters = new List<(string, object)> { ("kind", filter.Kind) };
        for (var k = 0; k < facets.Count; k++) parameters.Add(($"facet{k}", facets[k]));
        if (filter.From is { } from)
        {
            parameters.Add(("from", from));
            for (var k = 0; k < 3; k++) parameters.Add(($"from{k}", from[..Math.Min(from.Length, k switch { 0 => 4, 1 => 7, _ => 10 })]));
        }
        if (filter.To is not null) parameters.Add(("to", filter.To + "~"));
        if (filter.NameContains is not null) parameters.Add(("names", filter.NameContains));
        if (filter.Top is { } top) parameters.Add(("top", top));
        return (sql.ToString(), parameters);
    }

    /// <summary>The filter's conditions on items <c>i</c>. Dates: a date is not before <c>from</c>
    /// when it is after it or one of its prefixes ("2016", "2016-04" for from 2016-04-18); it does
    /// not start after <c>to</c> when it sorts before <c>to</c> followed by '~' (above every
    /// character of a date); only dates of a known year (a digit first) are in a range.</summary>
    private static string Conditions(BrowseFilter filter, int firstFacet, string contains)
    {
        var sql = new StringBuilder();
        if (filter.From is not null || filter.To is not null)
            sql.Append(" AND i.date IS NOT NULL AND substr(i.date, 1, 1) BETWEEN '0' AND '9'");
        if (filter.From is not null) sql.Append(" AND (i.date >= @from OR i.date IN (@from0, @from1, @from2))");
        if (filter.To is not null) sql.Append(" AND i.date <= @to");
        if (filter.NameContains is not null) sql.Append(" AND i.names IS NOT NULL AND ").Append(string.Format(CultureInfo.InvariantCulture, contains, "i.names", "@names"));
        for (var k = firstFacet; k < (filter.Facets?.Count ?? 0); k++)
            sql.Append(ThroughDocuments(filter.Kind, filter.Facets![k])
                ? " AND " + InDocumentsWith("i.rank", "@kind", $"@facet{k}")
                : $" AND EXISTS (SELECT 1 FROM browse_facets g WHERE g.kind = i.kind AND g.facet = @facet{k} AND g.rank = i.rank)");
        return sql.ToString();
    }

    /// <summary>SQL joining to each item <paramref name="item"/> that is an event the item <paramref name="day"/>
    /// of its day's salience, which it shows (<see cref="BrowseIndex.Shown"/>); a day is the first ten
    /// characters of a date that names one (EventSalience.Day), and no other item has a day's.</summary>
    public static string DaySalienceOf(string item, string day) =>
        $"LEFT JOIN browse_items {day} ON {item}.kind = '{BrowseKinds.Event}' AND {day}.kind = '{BrowseKinds.EventDay}' AND {day}.id = substr({item}.date, 1, 10)";

    /// <summary>The facet an event has for each document its evidence lines are in ("document:d12").</summary>
    public static string DocumentFacet(string documentId) => $"document:{documentId}";

    /// <summary>SQL for the document facet of the document numbered by <paramref name="number"/> ("document:d" || 12).</summary>
    public static string DocumentFacetOf(string number) => $"'{DocumentFacet("d")}' || {number}";

    /// <summary>Facets an event is found by through its evidence documents, not kept with it: a
    /// document's stories are formed again as their topic gains articles, and an event item that held
    /// them was written again each time, though the event had not changed.</summary>
    private static readonly string[] DocumentFacetsOfEvents = ["story:"];

    /// <summary>Whether items of a kind are filtered on a facet through the documents they are in.</summary>
    public static bool ThroughDocuments(string kind, string facet) =>
        kind == BrowseKinds.Event && DocumentFacetsOfEvents.Any(name => facet.StartsWith(name, StringComparison.Ordinal));

    /// <summary>Whether the filter's first facet is one its items have themselves, so that the facets'
    /// index gives them in rank order (after <see cref="OwnFacetsFirst"/>, whenever any of them is).</summary>
    public static bool FirstFacetIsOwn(BrowseFilter filter) =>
        filter.Facets is { Count: > 0 } facets && !ThroughDocuments(filter.Kind, facets[0]);

    /// <summary>The filter with the facets its items have themselves first, so that the first, when there
    /// is one, gives the items in rank order from the facets' index.</summary>
    public static BrowseFilter OwnFacetsFirst(BrowseFilter filter) =>
        filter.Facets is not { Count: > 1 } facets ? filter
        : filter with { Facets = facets.OrderBy(facet => ThroughDocuments(filter.Kind, facet)).ToArray() };

    /// <summary>The test that the item of rank <paramref name="rank"/> (of kind <paramref name="kind"/>) is in
    /// a document with facet <paramref name="facet"/>: the ranks of such items are found once, from the
    /// facet's documents to their items (a document's rank is the number of its id: d12's is 12).</summary>
    public static string InDocumentsWith(string rank, string kind, string facet) =>
        $"{rank} IN (SELECT g.rank FROM browse_facets s CROSS JOIN browse_facets g WHERE s.kind = 'document' AND s.facet = {facet} AND g.kind = {kind} AND g.facet = {DocumentFacetOf("s.rank")})";
}
