using System.Security.Cryptography;
using System.Text;
using Dossier.Languages;

namespace Dossier.Core.Pipeline;

/// <summary>A document records the version of the analysis that produced it: a hash of the
/// per-document stages (their names, in order) and of every language data file and tagger model
/// they read, the user's data files included. A document stored under another version is analysed again from its stored text by
/// `reanalyse`, without reading the inputs again.</summary>
public static class AnalysisVersion
{
    private static readonly Lazy<byte[]> DataHash = new(HashData);

    /// <summary>"a1" and 16 hex digits: the first 64 bits of SHA-256 over the stage names and the data.</summary>
    public static string Of(IEnumerable<string> stageNames)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in stageNames) hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
        hash.AppendData(DataHash.Value);
        return "a1" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }

    private static byte[] HashData()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var file in LanguageData.Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            var slash = file.IndexOf('/', StringComparison.Ordinal);
            using var stream = LanguageData.Open(file[..slash], file[(slash + 1)..])!;
            int read;
            while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, read);
        }
        foreach (var (file, path) in LanguageData.UserFiles)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("user:" + file + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return hash.GetHashAndReset();
    }
}
