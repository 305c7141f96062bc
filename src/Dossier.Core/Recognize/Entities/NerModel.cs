using System.Buffers;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Entities;

/// <summary>A trained named-entity tagger: hashed feature weights (16-bit, one scale), label
/// transitions and the word lexicon. Immutable once built, so one instance serves every thread.
/// File: gzip of a versioned binary layout (see <see cref="Save"/>); the feature version is
/// checked on load, so a model never runs with templates it was not trained with.</summary>
public sealed class NerModel
{
    private const string Magic = "DOSSIER-NER";
    private const int FormatVersion = 1;

    private readonly short[] _weights;
    private readonly float _scale;
    private readonly float[] _transitions;
    private readonly FeatureExtractor _features;

    public NerModel(LabelSet labels, int rowBits, short[] weights, float scale, float[] transitions, WordLexicon lexicon, Gazetteer gazetteer, string description)
    {
        if (weights.Length != (1 << rowBits) * labels.Count) throw new ArgumentException("weights do not match rows × labels", nameof(weights));
        Labels = labels;
        RowBits = rowBits;
        _weights = weights;
        _scale = scale;
        _transitions = transitions;
        Lexicon = lexicon;
        Gazetteer = gazetteer;
        Description = description;
        _features = new FeatureExtractor(lexicon, gazetteer, rowBits);
    }

    public LabelSet Labels { get; }
    public int RowBits { get; }
    public WordLexicon Lexicon { get; }
    public Gazetteer Gazetteer { get; }
    /// <summary>What the model was trained on, as the trainer recorded it.</summary>
    public string Description { get; }

    /// <summary>Builds a model from training weights (float) by scaling them to 16 bits; weights that
    /// round to zero are dropped from the file.</summary>
    public static NerModel FromWeights(LabelSet labels, int rowBits, ReadOnlySpan<float> weights, float[] transitions, WordLexicon lexicon, Gazetteer gazetteer, string description)
    {
        var max = 0f;
        foreach (var w in weights) max = Math.Max(max, Math.Abs(w));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        var quantised = new short[weights.Length];
        for (var i = 0; i < weights.Length; i++) quantised[i] = (short)Math.Round(weights[i] / scale);
        return new NerModel(labels, rowBits, quantised, scale, transitions, lexicon, gazetteer, description);
    }

    /// <summary>Label indices for the tokens of one sentence.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, Span<int> labels)
    {
        var n = tokens.Length;
        if (n == 0) return;
        var l = Labels.Count;
        var rows = ArrayPool<int>.Shared.Rent(n * FeatureExtractor.Count);
        var emissions = ArrayPool<float>.Shared.Rent(n * l);
        try
        {
            _features.Extract(text, tokens, rows);
            Score(rows, n, emissions);
            Viterbi.Decode(emissions, n, _transitions, Labels, labels);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(emissions);
        }
    }

    /// <summary>The entity type whose B- label scores best at one token of a sentence (for a token
    /// known to start a name, such as an acronym defined in parentheses).</summary>
    public string BestEntityType(string text, ReadOnlySpan<Token> tokens, int index)
    {
        var n = tokens.Length;
        var l = Labels.Count;
        var rows = ArrayPool<int>.Shared.Rent(n * FeatureExtractor.Count);
        var emissions = ArrayPool<float>.Shared.Rent(n * l);
        try
        {
            _features.Extract(text, tokens, rows);
            Score(rows, n, emissions);
            var best = 1;
            for (var y = 3; y < l; y += 2)
                if (emissions[index * l + y] > emissions[index * l + best]) best = y;
            return Labels.TypeName(best);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(emissions);
        }
    }

    private void Score(int[] rows, int tokens, float[] emissions)
    {
        var l = Labels.Count;
        Span<int> sum = stackalloc int[l];
        for (var i = 0; i < tokens; i++)
        {
            sum.Clear();
            var featureRows = rows.AsSpan(i * FeatureExtractor.Count, FeatureExtractor.Count);
            foreach (var row in featureRows)
            {
                var weights = _weights.AsSpan(row * l, l);
                for (var y = 0; y < l; y++) sum[y] += weights[y];
            }
            for (var y = 0; y < l; y++) emissions[i * l + y] = sum[y] * _scale;
        }
    }

    /// <summary>Tags the tokens of a CoNLL sentence (joined by spaces into one text).</summary>
    public string[] TagTokens(IReadOnlyList<string> words)
    {
        var (text, tokens) = JoinTokens(words);
        var labels = new int[tokens.Length];
        Tag(text, tokens, labels);
        return labels.Select(y => Labels.Labels[y]).ToArray();
    }

    /// <summary>A text of the words separated by spaces, and their tokens in it.</summary>
    public static (string Text, Token[] Tokens) JoinTokens(IReadOnlyList<string> words)
    {
        var builder = new StringBuilder();
        var tokens = new Token[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            tokens[i] = new Token(builder.Length, words[i].Length, TokenKind.Word);
            builder.Append(words[i]);
        }
        return (builder.ToString(), tokens);
    }

    /// <summary>Layout: magic, format and feature versions, description, row bits, labels, scale,
    /// transitions, lexicon (hash, packed facts), gazetteer (phrase hash, type; word hash, code), then the non-zero weight rows (row delta as a
    /// 7-bit varint, one 16-bit weight per label).</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(FeatureExtractor.Version);
        writer.Write(Description);
        writer.Write(RowBits);
        writer.Write(Labels.Types.Length);
        foreach (var type in Labels.Types) writer.Write(type);
        writer.Write(_scale);
        foreach (var t in _transitions) writer.Write(t);
        writer.Write(Lexicon.Count);
        foreach (var (hash, packed) in Lexicon.Entries.OrderBy(e => e.Key))
        {
            writer.Write(hash);
            writer.Write(packed);
        }
        writer.Write(Gazetteer.Count);
        foreach (var (hash, type) in Gazetteer.Entries.OrderBy(e => e.Key))
        {
            writer.Write(hash);
            writer.Write(type);
        }
        writer.Write(Gazetteer.Words.Count);
        foreach (var (hash, code) in Gazetteer.Words.OrderBy(e => e.Key))
        {
            writer.Write(hash);
            writer.Write(code);
        }
        var l = Labels.Count;
        var rows = 1 << RowBits;
        var used = 0;
        for (var r = 0; r < rows; r++) if (!IsZeroRow(r)) used++;
        writer.Write(used);
        var previous = -1;
        for (var r = 0; r < rows; r++)
        {
            if (IsZeroRow(r)) continue;
            writer.Write7BitEncodedInt(r - previous);
            previous = r;
            for (var y = 0; y < l; y++) writer.Write(_weights[r * l + y]);
        }
    }

    private bool IsZeroRow(int row)
    {
        foreach (var w in _weights.AsSpan(row * Labels.Count, Labels.Count)) if (w != 0) return false;
        return true;
    }

    public void Save(string path)
    {
        // Written beside the target and moved into place, so a failed save never leaves half a model.
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary)) Save(stream);
        File.Move(temporary, path, overwrite: true);
    }

    public static NerModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static NerModel Load(Stream stream, string name)
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{name}: not a Dossier NER model");
            var format = reader.ReadInt32();
            var features = reader.ReadInt32();
            if (format != FormatVersion || features != FeatureExtractor.Version)
                throw new InvalidDataException($"{name}: model format {format}, features {features}; this build reads format {FormatVersion}, features {FeatureExtractor.Version}: retrain it");
            var description = reader.ReadString();
            var rowBits = reader.ReadInt32();
            if (rowBits is < 8 or > 26) throw new InvalidDataException($"{name}: bad row count 2^{rowBits}");
            var types = new string[reader.ReadInt32()];
            for (var i = 0; i < types.Length; i++) types[i] = reader.ReadString();
            var labels = new LabelSet(types);
            var scale = reader.ReadSingle();
            var transitions = new float[(labels.Count + 1) * labels.Count];
            for (var i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
            var lexiconCount = reader.ReadInt32();
            var entries = new Dictionary<ulong, uint>(lexiconCount);
            for (var i = 0; i < lexiconCount; i++) entries[reader.ReadUInt64()] = reader.ReadUInt32();
            var gazetteerCount = reader.ReadInt32();
            var names = new Dictionary<ulong, byte>(gazetteerCount);
            for (var i = 0; i < gazetteerCount; i++) names[reader.ReadUInt64()] = reader.ReadByte();
            var wordCount = reader.ReadInt32();
            var nameWords = new Dictionary<ulong, byte>(wordCount);
            for (var i = 0; i < wordCount; i++) nameWords[reader.ReadUInt64()] = reader.ReadByte();
            var l = labels.Count;
            var weights = new short[(1 << rowBits) * l];
            var used = reader.ReadInt32();
            var row = -1;
            for (var i = 0; i < used; i++)
            {
                row += reader.Read7BitEncodedInt();
                if ((uint)row >= 1u << rowBits) throw new InvalidDataException($"{name}: weight row {row} out of range");
                // One block read per row: the file is little-endian, as BinaryWriter writes it.
                var block = System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan(row * l, l));
                if (BitConverter.IsLittleEndian) reader.BaseStream.ReadExactly(block);
                else for (var y = 0; y < l; y++) weights[row * l + y] = reader.ReadInt16();
            }
            return new NerModel(labels, rowBits, weights, scale, transitions, new WordLexicon(entries), new Gazetteer(names, nameWords), description);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{name}: the model file is truncated");
        }
    }
}
