using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>Opens the dossier file named on the command line, turning store errors into one clear line.</summary>
internal static class StoreOpener
{
    public static IDossierStore? TryOpen(string path, bool create)
    {
        try
        {
            return SqliteDossierStore.Open(path, create);
        }
        catch (DossierStoreException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
    }

    public static string Escape(string? text) => Markup.Escape(text ?? "");
}
