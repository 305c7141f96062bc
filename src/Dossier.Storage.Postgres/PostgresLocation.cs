using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>Where a PostgreSQL dossier lives, given as an Npgsql connection string
/// ("Host=…;Database=…") or a URL ("postgres://user:password@host:port/database?sslmode=…").</summary>
public sealed class PostgresLocation
{
    private PostgresLocation(NpgsqlConnectionStringBuilder settings) => Settings = settings;

    public NpgsqlConnectionStringBuilder Settings { get; }

    public string Database => Settings.Database ?? "";

    /// <summary>What a message names: host, port and database, never the password.</summary>
    public string Display => $"postgres://{Settings.Host}{(Settings.Port != NpgsqlConnection.DefaultPort ? $":{Settings.Port}" : "")}/{Settings.Database}";

    /// <summary>Whether a store argument names a PostgreSQL database rather than a dossier file.</summary>
    public static bool Names(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        store.Contains('=', StringComparison.Ordinal);

    public static PostgresLocation Parse(string store)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = store.Contains("://", StringComparison.Ordinal) ? FromUrl(store) : new NpgsqlConnectionStringBuilder(store);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or FormatException)
        {
            throw new DossierStoreException($"'{Redacted(store)}' is not a PostgreSQL connection string nor a postgres:// URL ({ex.Message})", ex);
        }
        if (string.IsNullOrEmpty(settings.Database))
            throw new DossierStoreException($"'{Redacted(store)}' names no database (Database=… or postgres://host/DATABASE)");
        settings.Host ??= "localhost";
        return new PostgresLocation(settings);
    }

    /// <summary>The same server, another database (the maintenance database, to create this one).</summary>
    public PostgresLocation WithDatabase(string database) => new(new NpgsqlConnectionStringBuilder(Settings.ConnectionString) { Database = database });

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgres" or "postgresql"))
            throw new UriFormatException($"the scheme is '{uri.Scheme}', not postgres");
        var settings = new NpgsqlConnectionStringBuilder { Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Host.Length > 0) settings.Host = uri.Host;
        if (uri.Port > 0) settings.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) settings.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        // Query parameters are connection settings ("?sslmode=disable", "?host=/var/run/postgresql").
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"'{pair}' is not name=value");
            settings[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return settings;
    }

    /// <summary>A store argument as it may be shown: a URL's password replaced.</summary>
    private static string Redacted(string store)
    {
        var at = store.IndexOf('@', StringComparison.Ordinal);
        var scheme = store.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return store.Contains("assword", StringComparison.OrdinalIgnoreCase) ? "(connection string)" : store;
        var colon = store.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? store[..(colon + 1)] + "***" + store[at..] : store;
    }
}
