using System.CommandLine;

namespace Dossier.Cli.Commands;

/// <summary>`dossier eval …`: measures an extractor against gold annotation, one subcommand per extractor.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Measure an extractor against gold annotation")
    {
        EvalNerCommand.Create(),
        EvalTimexCommand.Create(),
    };
}
