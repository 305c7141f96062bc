namespace Dossier.Core.Resolve;

/// <summary>Why mentions were joined: each join's reason, kept with one of its mentions and read
/// back per entity once the joins are done.</summary>
internal sealed class MergeLog(int count)
{
    private readonly List<string>?[] _reasons = new List<string>?[count];

    public void Add(int mention, string reason) => (_reasons[mention] ??= []).Add(reason);

    public IEnumerable<string> Of(IEnumerable<int> mentions) => mentions.SelectMany(m => _reasons[m] ?? []);
}
