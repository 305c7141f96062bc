using System.CommandLine;
using System.Text.Json;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>Opens the dossier named on the command line, a file or a PostgreSQL database
/// (<c>--store</c>), turning store errors into one clear line.</summary>
internal static class StoreOpener
{
    /// <summary>The dossier argument of a reading verb: optional, since <c>--store</c> may name it instead.</summary>
    public static Argument<string?> FileArgument() => new("dossier") { Description = "The dossier file (or --store)", Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> StoreOption() => new("--store")
    {
        Description = "A dossier in PostgreSQL instead of a file: \"Host=…;Database=…\" or postgres://user@host/database",
    };

    /// <summary>Whether a store location names a PostgreSQL database rather than a dossier file.</summary>
    public static bool IsPostgres(string location) => PostgresLocation.Names(location);

    /// <summary>A location as messages name it: a file's path, a database's URL without password.</summary>
    public static string NameOf(string location)
    {
        if (!IsPostgres(location)) return location;
        try
        {
            return PostgresLocation.Parse(location).Display;
        }
        catch (DossierStoreException)
        {
            return "the PostgreSQL store";
        }
    }

    /// <summary>Opens a dossier for writing, creating it (file or database) when asked.</summary>
    public static IDossierStore Open(string location, bool create) =>
        IsPostgres(location) ? PostgresDossierStore.Open(location, create) : SqliteDossierStore.Open(location, create);

    /// <summary>Opens a dossier only to read it: never created nor changed.</summary>
    public static IDossierStore OpenReadOnly(string location) =>
        IsPostgres(location) ? PostgresDossierStore.OpenReadOnly(location) : SqliteDossierStore.OpenReadOnly(location);

    /// <summary>The dossier a verb works on: its file or <c>--store</c>, exactly one of them; null
    /// (said on standard error) when neither or both are given.</summary>
    /// <param name="file">How the verb names a file ("a dossier file", "-o FILE.dossier").</param>
    public static string? Location(string? path, string? store, string file = "a dossier file")
    {
        if (path is not null && store is not null)
            Console.Error.WriteLine($"error: name the dossier once: {file} or --store, not both");
        else if (path is null && store is null)
            Console.Error.WriteLine($"error: no dossier named: give {file} or --store");
        else
            return path ?? store;
        return null;
    }

    /// <summary>For a verb taking the dossier then one more argument: with <c>--store</c> the one
    /// argument given is that other one ("search --store URL soldat"), which the parser, reading
    /// arguments in order, took for the dossier file.</summary>
    public static (string? Path, string? Other) ShiftForStore(string? path, string? store, string? other) =>
        store is not null && other is null ? (null, path) : (path, other);

    public static IDossierStore? TryOpen(string location, bool create)
    {
        try
        {
            return Open(location, create);
        }
        catch (DossierStoreException ex)
        {
            Console.Error.WriteLine($"error: {TerminalText.Escape(ex.Message)}");
            return null;
        }
    }

    /// <summary>Runs a reading verb on the dossier named by its file argument or <c>--store</c>.</summary>
    public static int Read(string? file, string? store, Func<IDossierStore, int> verb) =>
        Location(file, store) is { } location ? Read(location, verb) : CliApp.Failed;

    /// <summary>Runs a reading verb on a dossier opened read-only (never created nor changed). A
    /// damaged, locked or foreign dossier is one line naming it and the damage, and exit code 2.</summary>
    public static int Read(string location, Func<IDossierStore, int> verb)
    {
        var name = NameOf(location);
        string message;
        try
        {
            using var store = OpenReadOnly(location);
            return verb(store);
        }
        catch (DossierStoreException ex)
        {
            message = ex.Message;
        }
        catch (SqliteException ex)
        {
            message = SqliteFailure.Describe(location, ex);
        }
        catch (NpgsqlException ex)
        {
            message = $"{name}: {ex.Message}";
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or IndexOutOfRangeException)
        {
            // The pages are sound but a stored value cannot be decoded (a metadata record, a token table).
            message = $"{name}: the dossier {(IsPostgres(location) ? "" : "file ")}is damaged (a stored value cannot be read: {ex.Message})";
        }
        Console.Error.WriteLine($"error: {TerminalText.Escape(message)}");
        return CliApp.Failed;
    }

    public static string Escape(string? text) => Markup.Escape(TerminalText.Escape(text ?? ""));
}
