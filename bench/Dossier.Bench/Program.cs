namespace Dossier.Bench;

/// <summary>Benchmarks, one per question: `dotnet run -c Release -- NAME [ARGS]`.</summary>
public static class Program
{
    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "html" => HtmlBenchmark.Run(args[1..]),
        "html-bdn" => HtmlBenchmark.RunBenchmarkDotNet(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Dossier.Bench html PAGES_DIR [--ours EXPORT.json] [--smartreader EXPORT.json] [--rounds N]");
        Console.Error.WriteLine("       Dossier.Bench html-bdn PAGES_DIR   (BenchmarkDotNet, with allocations)");
        return 2;
    }
}
