using System.Buffers.Binary;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>Tokens and sentences as compact little-endian blobs: a document's segmentation is read
/// and written whole, never queried token by token.</summary>
public static class SegmentCodec
{
    private const int TokenSize = 9;
    private const int SentenceSize = 16;

    public static byte[] EncodeTokens(Token[] tokens)
    {
        var bytes = new byte[tokens.Length * TokenSize];
        var span = bytes.AsSpan();
        for (var i = 0; i < tokens.Length; i++)
        {
            var slot = span.Slice(i * TokenSize, TokenSize);
            BinaryPrimitives.WriteInt32LittleEndian(slot, tokens[i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(slot[4..], tokens[i].Length);
            slot[8] = (byte)tokens[i].Kind;
        }
        return bytes;
    }

    /// <summary>How many tokens a blob of <paramref name="bytes"/> bytes holds.</summary>
    public static int TokenCount(long bytes) => (int)(bytes / TokenSize);

    public static Token[] DecodeTokens(ReadOnlySpan<byte> bytes)
    {
        var tokens = new Token[TokenCount(bytes.Length)];
        for (var i = 0; i < tokens.Length; i++)
        {
            var slot = bytes.Slice(i * TokenSize, TokenSize);
            tokens[i] = new Token(BinaryPrimitives.ReadInt32LittleEndian(slot), BinaryPrimitives.ReadInt32LittleEndian(slot[4..]), (TokenKind)slot[8]);
        }
        return tokens;
    }

    public static byte[] EncodeSentences(Sentence[] sentences)
    {
        var bytes = new byte[sentences.Length * SentenceSize];
        var span = bytes.AsSpan();
        for (var i = 0; i < sentences.Length; i++)
        {
            var slot = span.Slice(i * SentenceSize, SentenceSize);
            BinaryPrimitives.WriteInt32LittleEndian(slot, sentences[i].Span.Start);
            BinaryPrimitives.WriteInt32LittleEndian(slot[4..], sentences[i].Span.Length);
            BinaryPrimitives.WriteInt32LittleEndian(slot[8..], sentences[i].FirstToken);
            BinaryPrimitives.WriteInt32LittleEndian(slot[12..], sentences[i].TokenCount);
        }
        return bytes;
    }

    public static Sentence[] DecodeSentences(ReadOnlySpan<byte> bytes)
    {
        var sentences = new Sentence[bytes.Length / SentenceSize];
        for (var i = 0; i < sentences.Length; i++)
        {
            var slot = bytes.Slice(i * SentenceSize, SentenceSize);
            sentences[i] = new Sentence(
                new TextSpan(BinaryPrimitives.ReadInt32LittleEndian(slot), BinaryPrimitives.ReadInt32LittleEndian(slot[4..])),
                BinaryPrimitives.ReadInt32LittleEndian(slot[8..]), BinaryPrimitives.ReadInt32LittleEndian(slot[12..]));
        }
        return sentences;
    }
}
