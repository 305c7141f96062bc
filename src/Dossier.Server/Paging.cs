namespace Dossier.Server;

/// <summary>A page of a list: <c>page</c> counts from 1, <c>size</c> items at most.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int DefaultSize = 50, MaxSize = 500;

    public int Offset => (Page - 1) * Size;

    public object Of<T>(IReadOnlyCollection<T> all) => new { total = all.Count, page = Page, size = Size, items = all.Skip(Offset).Take(Size) };
}
