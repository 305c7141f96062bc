using Dossier.Core.Search;

namespace Dossier.Storage;

/// <summary>Full-text search over a dossier's documents, with the index kept in the dossier.</summary>
public interface IDossierSearch
{
    /// <summary>Adds to the index every stored document not yet in it, a transaction per batch of whole documents. Returns how many.</summary>
    int UpdateSearchIndex();

    /// <summary>Documents matching <paramref name="query"/>, best first, from <paramref name="offset"/>,
    /// at most <paramref name="limit"/>, each with its matching sentences.</summary>
    SearchResults Search(SearchQuery query, int offset, int limit);
}
