using System.CommandLine;
using Dossier.Core.Read;
using Dossier.Workers;
using NATS.Client.Core;

namespace Dossier.Cli.Commands;

/// <summary>`dossier submit INPUT... --nats URL --stream S`: reads articles and puts them on a
/// JetStream stream for workers, each message keyed by its source's content hash so that a document
/// submitted twice waits there once.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files and folders of articles", Arity = ArgumentArity.OneOrMore };
        var nats = NatsOptions.Server();
        var stream = NatsOptions.Stream();
        var command = new Command("submit", "Put articles on a NATS JetStream stream for `dossier worker`") { inputs, nats, stream };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(nats)!, parse.GetValue(stream)!));
        return command;
    }

    private static int Run(string[] inputs, string url, string streamName)
    {
        var reader = InputReader.CreateDefault();
        var failed = 0;
        var documents = InputReader.ListInputs(inputs).SelectMany(listed =>
        {
            if (listed.Problem is { } problem)
            {
                Console.Error.WriteLine(TerminalText.Escape(problem.ToString()));
                failed++;
                return [];
            }
            return reader.ReadFile(listed.File!).Where(item =>
            {
                if (item.Problem is not { } itemProblem) return true;
                Console.Error.WriteLine(TerminalText.Escape(itemProblem.ToString()));
                if (itemProblem.Severity == ProblemSeverity.Error) failed++;
                return false;
            }).Select(item => SubmittedDocument.Of(item.Document!));
        });
        return NatsOptions.Connected(url, async (connection, cancellationToken) =>
        {
            var stream = await DocumentStream.OpenAsync(connection, streamName, cancellationToken);
            var submitted = documents.ToList();
            var refused = 0;
            var added = await stream.SubmitAsync(submitted, connection.ServerInfo?.MaxPayload ?? 1048576, (document, problem) =>
            {
                Console.Error.WriteLine($"error: {TerminalText.Escape(document.Path)}: {problem}; not submitted");
                refused++;
            }, cancellationToken);
            Console.WriteLine($"{streamName}: {added} documents submitted, {submitted.Count - added - refused} there already");
            return failed + refused > 0 ? CliApp.SomeInputsFailed : CliApp.Ok;
        });
    }
}
