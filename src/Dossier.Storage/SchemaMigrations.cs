using System.Globalization;
using System.Reflection;

namespace Dossier.Storage;

/// <summary>A store's schema versions: the numbered scripts embedded as "Migrations/NNN_name.sql" in its assembly, in order.</summary>
public static class SchemaMigrations
{
    public static (int Version, string Script)[] Load(Assembly assembly) => assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n =>
        {
            using var stream = assembly.GetManifestResourceStream(n)!;
            using var reader = new StreamReader(stream);
            return (int.Parse(n.AsSpan("Migrations/".Length, 3), CultureInfo.InvariantCulture), reader.ReadToEnd());
        })
        .ToArray();
}
