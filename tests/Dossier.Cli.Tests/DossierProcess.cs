using System.Diagnostics;

namespace Dossier.Cli.Tests;

/// <summary>Runs the real `dossier` program (the built CLI next to the tests) as a user would.</summary>
public static class DossierProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The shared data folder that sits beside the repository.</summary>
    public static string SharedData => Path.Combine(Path.GetDirectoryName(RepositoryRoot)!, "shared", "data");

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public sealed record Result(int ExitCode, string Out, string Error);

    public static Process Start(string workingDirectory, params string[] args) => Start(new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>Starts the program with these environment variables set.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>Runs the program with these environment variables set.</summary>
    public static Result Run(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        using var process = Start(environment, workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dossier {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found above the test binaries");
    }
}
