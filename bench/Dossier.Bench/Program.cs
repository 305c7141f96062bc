using Dossier.Bench;

// `dotnet run -c Release --project bench/Dossier.Bench -- NAME [ARGS]`: one benchmark per file.
return args.FirstOrDefault() switch
{
    "ner" => NerBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Dossier.Bench ner [CORPUS.jsonl] [ARTICLES]");
    return 2;
}
