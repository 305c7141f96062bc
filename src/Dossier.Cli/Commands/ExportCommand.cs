using System.CommandLine;
using Dossier.Core.Export;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>`dossier export FILE.dossier --format json|gexf|timelinejs|markdown|csv [-o OUT]`: the
/// interchange format, the entity graph, or the events as a TimelineJS timeline, a cited report, a table.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var format = new Option<string>("--format") { Description = "Export format", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ExportFormats.All]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the dossier (JSON, format version 1; GEXF: the entity co-occurrence graph; timelinejs, markdown, csv: its events)") { file, store, format, output };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(store), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string? path, string? store, string format, string? output)
    {
        if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: {TerminalText.Escape(output)}: the folder {TerminalText.Escape(folder)} does not exist");
            return CliApp.Failed;
        }
        return StoreOpener.Read(path, store, dossier => Export(dossier, format, output));
    }

    private static int Export(IDossierStore store, string format, string? output)
    {
        void Write(Stream stream) => StoredExport.Write(store, stream, format);
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            Write(stdout);
            return CliApp.Ok;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var temporary = output + ".partial";
        try
        {
            using (var stream = File.Create(temporary))
                Write(stream);
            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return CliApp.Ok;
    }
}
