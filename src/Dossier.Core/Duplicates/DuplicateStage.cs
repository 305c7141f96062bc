using System.Text.Json;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Duplicates;

/// <summary>Near-duplicates as an incremental corpus stage: each added document's MinHash signature
/// is kept and its LSH band keys filed in an index; it is compared only with the latest documents
/// of its buckets (<see cref="NearDuplicateFinder"/>), and a match joins the copies' group, the
/// oldest group keeping its id when the document links several. A removed document leaves its
/// group, and a group left with one document is deleted. Cost per added document: one index
/// lookup per band, whatever the size of the dossier.</summary>
public sealed class DuplicateStage : ICorpusStage
{
    public const string IdPrefix = "c";
    private const string BandIndex = "minhash-bands";
    private const string Signatures = "minhash";

    private sealed record Data(double Similarity);

    public string Name => "duplicates";
    public IReadOnlyList<string> Requires => [Layers.Lines];
    public IReadOnlyList<string> Provides => [CorpusLayers.Duplicates];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var removed = run.Changes.Removed.ToHashSet();
        foreach (var group in run.GroupsOf(CorpusLayers.Duplicates, removed))
        {
            var left = group.Members.Where(m => !removed.Contains(m.Document)).ToArray();
            if (left.Length < 2) run.Delete(CorpusLayers.Duplicates, group.Id);
            else run.Save(CorpusLayers.Duplicates, group with { Members = left });
        }
        foreach (var id in run.Changes.Added)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (run.Load(id) is not { } document || NearDuplicateFinder.Signature(document) is not { } signature) continue;
            var keys = NearDuplicateFinder.BandKeys(signature).Select(k => k.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var matches = new SortedDictionary<long, double>();
            foreach (var key in keys)
            {
                foreach (var other in run.DocumentsWith(BandIndex, key).Where(o => o != id).TakeLast(NearDuplicateFinder.PairsPerBucket))
                {
                    if (matches.ContainsKey(other) || run.Kept(Signatures, other) is not { } kept) continue;
                    var similarity = NearDuplicateFinder.Similarity(signature, Decode(kept));
                    if (similarity >= NearDuplicateFinder.Threshold) matches[other] = similarity;
                }
            }
            run.Keep(Signatures, id, Encode(signature));
            run.Index(BandIndex, id, keys);
            if (matches.Count > 0) Join(run, id, matches);
        }
    }

    private static void Join(ICorpusRun run, long document, SortedDictionary<long, double> matches)
    {
        var groups = run.GroupsOf(CorpusLayers.Duplicates, matches.Keys);
        var keep = groups.Count > 0 ? groups[0].Id : IdPrefix + run.NextNumber(CorpusLayers.Duplicates);
        foreach (var absorbed in groups.Skip(1))
        {
            run.Delete(CorpusLayers.Duplicates, absorbed.Id);
            run.RecordAbsorbed(CorpusLayers.Duplicates, absorbed.Id, keep);
        }
        var similarity = groups.Select(g => JsonSerializer.Deserialize<Data>(g.Data)!.Similarity).Append(matches.Values.Min()).Min();
        var members = groups.SelectMany(g => g.Members.Select(m => m.Document)).Concat(matches.Keys).Append(document).Distinct().Order()
            .Select(d => new CorpusMember(d, 0, 0)).ToArray();
        run.Save(CorpusLayers.Duplicates, new CorpusGroup(keep, null, "", JsonSerializer.Serialize(new Data(Math.Round(similarity, 3))), members));
    }

    private static byte[] Encode(ulong[] signature)
    {
        var bytes = new byte[signature.Length * sizeof(ulong)];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static ulong[] Decode(byte[] bytes)
    {
        var signature = new ulong[bytes.Length / sizeof(ulong)];
        Buffer.BlockCopy(bytes, 0, signature, 0, bytes.Length);
        return signature;
    }

    public static IReadOnlyList<DuplicateGroup> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, Export.ExportedDocument> documents) =>
        groups.Select(g => new DuplicateGroup(g.Members.Where(m => documents.ContainsKey(m.Document)).Select(m => documents[m.Document].Id).ToArray(),
                JsonSerializer.Deserialize<Data>(g.Data)!.Similarity, g.Id))
            .Where(g => g.DocumentIds.Count > 1).ToArray();
}
