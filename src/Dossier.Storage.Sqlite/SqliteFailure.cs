using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Turns a SQLite error on a dossier file into one line a user can act on.</summary>
public static class SqliteFailure
{
    // Result codes (https://sqlite.org/rescode.html), primary part.
    private const int Busy = 5, Locked = 6, IoError = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADatabase = 26, ReadOnly = 8;

    public static string Describe(string path, SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => $"{path}: another process is writing to this dossier and held its lock too long; try again when it has finished",
        Corrupt => $"{path}: the dossier file is damaged ({Short(exception)}); restore it from a copy or build it again",
        NotADatabase => $"{path}: cannot be opened as a dossier (not a SQLite database)",
        IoError or CantOpen => $"{path}: cannot be read or written (SQLite: {Short(exception)})",
        Full => $"{path}: the disk is full (SQLite: {Short(exception)})",
        ReadOnly => $"{path}: the file cannot be written (SQLite: {Short(exception)})",
        _ => $"{path}: SQLite error ({Short(exception)})",
    };

    /// <summary>"SQLite Error 11: 'database disk image is malformed'." → "database disk image is malformed".</summary>
    private static string Short(SqliteException exception)
    {
        var message = exception.Message;
        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = message.LastIndexOf('\'');
        return open >= 0 && close > open ? message[(open + 1)..close] : message;
    }
}
