using System.CommandLine;
using Dossier.Core.Export;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>`dossier export FILE.dossier --format json [-o OUT]`: the interchange format.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("dossier") { Description = "The dossier file" };
        var format = new Option<string>("--format") { Description = "Export format", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "gexf");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the dossier (JSON, format version 1; GEXF: the entity co-occurrence graph)") { file, format, output };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string path, string format, string? output)
    {
        if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: {TerminalText.Escape(output)}: the folder {TerminalText.Escape(folder)} does not exist");
            return CliApp.Failed;
        }
        return StoreOpener.Read(path, store => Export(store, format, output));
    }

    private static int Export(IDossierStore store, string format, string? output)
    {
        var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document) { Paths = store.SourcePaths(x.Id) }).ToList();
        var corpus = CorpusResults.Read(store, documents);
        Action<Stream> write = format == "gexf"
            ? stream => GexfExporter.Write(stream, EntityGraph.Of(corpus.Entities))
            : stream => JsonExporter.Write(stream, documents, corpus);
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return CliApp.Ok;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var temporary = output + ".partial";
        try
        {
            using (var stream = File.Create(temporary))
                write(stream);
            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return CliApp.Ok;
    }
}
