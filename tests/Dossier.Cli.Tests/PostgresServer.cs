using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dossier.Cli.Tests;

/// <summary>A PostgreSQL server of one test's own, so that it can be restarted without disturbing
/// the tests that share the suite's server. Made from the programs tools/with-postgres found
/// (DOSSIER_TEST_POSTGRES_BIN); run by the postgres user when the tests run as root, as PostgreSQL
/// refuses root.</summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-pg-").FullName;
    private readonly int _port;

    public PostgresServer()
    {
        _bin = Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES_BIN") is { Length: > 0 } bin ? bin
            : throw new InvalidOperationException("DOSSIER_TEST_POSTGRES_BIN is not set: run the tests as the README says (tools/with-postgres dotnet test …)");
        if (Environment.UserName == "root") Run("chown", ["postgres:", _folder]);
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        AsOwner("initdb", ["-D", Data, "-U", "dossier", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        Control("start");
    }

    /// <summary>A database on this server for the dossier, as a postgres:// URL (created by the first worker).</summary>
    public string Url(string database) => $"postgres://dossier@127.0.0.1:{_port}/{database}";

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Stops the server (ending every connection, as a crash would) and starts it again.</summary>
    public void Restart() => Control("restart");

    private void Control(string action) => AsOwner("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-m", "fast",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={_port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={_folder} -c fsync=off", action]);

    private void AsOwner(string program, string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        if (Environment.UserName == "root") Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else Run(path, arguments);
    }

    private static void Run(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
    }

    public void Dispose()
    {
        try
        {
            Control("stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
