using System.Text.Json;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;
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
            Console.Error.WriteLine($"error: {TerminalText.Escape(ex.Message)}");
            return null;
        }
    }

    /// <summary>Runs a reading verb on a dossier opened read-only (never created nor changed). A
    /// damaged, locked or foreign file is one line naming it and the damage, and exit code 2.</summary>
    public static int Read(string path, Func<IDossierStore, int> verb)
    {
        string message;
        try
        {
            using var store = SqliteDossierStore.OpenReadOnly(path);
            return verb(store);
        }
        catch (DossierStoreException ex)
        {
            message = ex.Message;
        }
        catch (SqliteException ex)
        {
            message = SqliteFailure.Describe(path, ex);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or IndexOutOfRangeException)
        {
            // The pages are sound but a stored value cannot be decoded (a metadata record, a token table).
            message = $"{path}: the dossier file is damaged (a stored value cannot be read: {ex.Message})";
        }
        Console.Error.WriteLine($"error: {TerminalText.Escape(message)}");
        return CliApp.Failed;
    }

    public static string Escape(string? text) => Markup.Escape(TerminalText.Escape(text ?? ""));
}
