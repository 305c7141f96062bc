using System.CommandLine;
using System.Net;
using Dossier.Server;
using Dossier.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dossier.Cli.Commands;

/// <summary>`dossier serve FILE.dossier [--port N] [--host ADDRESS]`: the read-only API and the
/// page, on loopback unless another address is given.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var port = new Option<int>("--port", "-p") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 5170 };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback exposes the dossier to the network", DefaultValueFactory = _ => "127.0.0.1" };
        port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be between 0 and 65535"); });
        host.Validators.Add(r => { if (!IPAddress.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--host must be an IP address such as 127.0.0.1"); });
        var command = new Command("serve", "Serve the dossier's API and web page (read-only)") { file, store, port, host };
        command.SetAction(parse => StoreOpener.Location(parse.GetValue(file), parse.GetValue(store)) is { } location
            ? Run(location, IPAddress.Parse(parse.GetValue(host)!), parse.GetValue(port))
            : CliApp.Failed);
        return command;
    }

    private static int Run(string location, IPAddress address, int port)
    {
        try
        {
            using var app = DossierServer.Create(() => StoreOpener.OpenReadOnly(location), StoreOpener.NameOf(location), address, port);
            app.StartAsync().GetAwaiter().GetResult();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine($"Serving {StoreOpener.NameOf(location)} at {url}/ (Ctrl+C to stop)");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
        }
        catch (DossierStoreException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CliApp.Failed;
        }
        return CliApp.Ok;
    }
}
