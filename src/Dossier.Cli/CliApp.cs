using System.CommandLine;
using Dossier.Cli.Commands;
using Dossier.Languages;

namespace Dossier.Cli;

/// <summary>The `dossier` command line: one verb per file in Commands/.</summary>
public static class CliApp
{
    /// <summary>Exit codes: 0 everything went well; 1 the command ran but some input failed;
    /// 2 the command could not run (bad arguments, unusable dossier file).</summary>
    public const int Ok = 0, SomeInputsFailed = 1, Failed = 2;

    public static int Run(string[] args)
    {
        // A file of the user's data folder that extends nothing stops every verb before it reads anything.
        try { _ = LanguageData.UserFiles; }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return Failed;
        }
        var root = new RootCommand("Dossier: turns a pile of news articles into a sourced dossier of a story.")
        {
            BuildCommand.Create(),
            TimelineCommand.Create(),
            ShowCommand.Create(),
            ExportCommand.Create(),
            SearchCommand.Create(),
            ServeCommand.Create(),
            EntitiesCommand.Create(),
            ReanalyseCommand.Create(),
            MigrateCommand.Create(),
            SubmitCommand.Create(),
            WorkerCommand.Create(),
            StatusCommand.Create(),
            TrainCommand.Create(),
            TagCommand.Create(),
            EvalCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
