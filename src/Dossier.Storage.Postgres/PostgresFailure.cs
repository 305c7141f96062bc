using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>Turns a PostgreSQL or connection error into one line a user can act on.</summary>
internal static class PostgresFailure
{
    public static string Describe(PostgresLocation location, Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => $"{location.Display}: no such database",
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
            $"{location.Display}: the server refused the login ({pg.MessageText})",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg => $"{location.Display}: not allowed ({pg.MessageText})",
        PostgresException pg => $"{location.Display}: PostgreSQL error {pg.SqlState} ({pg.MessageText})",
        _ => $"{location.Display}: cannot reach the PostgreSQL server ({exception.InnerException?.Message ?? exception.Message})",
    };
}
