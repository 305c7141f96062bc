using System.Security.Cryptography;

namespace Dossier.Core.Read;

public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
