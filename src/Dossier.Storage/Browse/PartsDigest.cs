using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Storage.Browse;

/// <summary>The first 8 bytes of the SHA-256 of text parts, each hashed as it comes and ended by a
/// mark (a missing part by another): equal digests, the same parts (a collision among a dossier's
/// items is out of reach). Parts are not joined first: a document's detail is its whole text.</summary>
public sealed class PartsDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public PartsDigest Add(string? part)
    {
        _buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes(part ?? "\u0002", _buffer);
        Encoding.UTF8.GetBytes("\u0001", _buffer);
        _hash.AppendData(_buffer.WrittenSpan);
        return this;
    }

    public long Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    public void Dispose() => _hash.Dispose();
}
