namespace Dossier.Bench;

/// <summary>`dotnet run -c Release --project bench/Dossier.Bench -- BENCHMARK [ARGS]`: one benchmark per file.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : "")
        {
            case "time":
                return TimeBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Dossier.Bench time [CORPUS.jsonl] [DOCUMENTS]");
                return 2;
        }
    }
}
