using BenchmarkDotNet.Running;

namespace Dossier.Bench;

/// <summary>`dotnet run -c Release --project bench/Dossier.Bench -- NAME [ARGS]`: one benchmark per
/// file; any other arguments go to BenchmarkDotNet (`--filter '*Pipeline*'`).</summary>
public static class Program
{
    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "ingest" => IngestThroughput.Run(args[1..]),
        "html" => HtmlBenchmark.Run(args[1..]),
        "html-bdn" => HtmlBenchmark.RunBenchmarkDotNet(args[1..]),
        "time" => TimeBenchmark.Run(args[1..]),
        "ner" => NerBenchmark.Run(args[1..]),
        "languages" => LanguageThroughput.Run(args[1..]),
        "language-id" => LanguageIdentification.Run(args[1..]),
        "scraped" => ScrapedBenchmark.Run(args[1..]),
        "stories" => StoryBenchmark.Run(args[1..]),
        "generate" => SyntheticCorpus.Run(args[1..]),
        "scale" => ScaleBenchmark.Run(args[1..]),
        "resolve" => ResolveBenchmark.Run(args[1..]),
        "serve" => ServeBenchmark.Run(args[1..]),
        "load" => ServeBenchmark.Load(args[1..]),
        "adversarial" => AdversarialBenchmark.Run(args[1..]),
        "specs" => RecognizerSpecs.Run(args[1..]),
        "events" => EventBenchmark.Run(args[1..]),
        "workers" => WorkerBenchmark.Run(args[1..]),
        null => Usage(),
        _ => RunBenchmarkDotNet(args),
    };

    private static int RunBenchmarkDotNet(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Dossier.Bench ingest [CORPUS.jsonl]          build throughput, per-stage KB/s, peak memory");
        Console.Error.WriteLine("       Dossier.Bench html PAGES_DIR [--ours EXPORT.json] [--smartreader EXPORT.json] [--rounds N]");
        Console.Error.WriteLine("       Dossier.Bench html-bdn PAGES_DIR             HTML extraction under BenchmarkDotNet, with allocations");
        Console.Error.WriteLine("       Dossier.Bench time [CORPUS.jsonl] [STAGE_ARTICLES] [PEER_ARTICLES] temporal stage against Recognizers");
        Console.Error.WriteLine("       Dossier.Bench ner [CORPUS.jsonl] [ARTICLES]   tagging tokens/s on one core, model load time and memory");
        Console.Error.WriteLine("       Dossier.Bench languages [ARTICLES]            build throughput on English (Timeline17) beside French (OrangeSum) articles");
        Console.Error.WriteLine("       Dossier.Bench language-id [PER_LANGUAGE]      language identification on real articles (corpus-fr, timeline-en, saved pages by <html lang>), long and short");
        Console.Error.WriteLine("       Dossier.Bench scraped write OUT_DIR PAGES_DIR... | score LABELS.tsv TEXT_DIR [dev|held|all]  scraped-article set");
        Console.Error.WriteLine("       Dossier.Bench stories FILE.dossier [TOP]      the story tree again from stored entities: largest topics, share, labels, time");
        Console.Error.WriteLine("       Dossier.Bench generate N OUT.jsonl [--seed S]  N synthetic articles recombined from real ones (see README)");
        Console.Error.WriteLine("       Dossier.Bench scale N [--add K] [--rounds R] [--keep DIR] [--documents-only] [--no-export] [--result FILE] [--check-index]  N synthetic articles: per-document, corpus-stage, export time, +K, peak memory");
        Console.Error.WriteLine("       Dossier.Bench resolve [CORPUS.jsonl] [ARTICLES] entity resolution and series, 1,000 to ARTICLES (10,000)");
        Console.Error.WriteLine("       Dossier.Bench serve [--dossier FILE] [--articles N] [--requests N] [--seconds S] [--concurrency C] [--renders R]  API/search latency under load, page first render (R runs)");
        Console.Error.WriteLine("       Dossier.Bench adversarial [KB] [TEXT...]     worst-case seconds per MB of each stage on hostile text");
        Console.Error.WriteLine("       Dossier.Bench specs DateTimeModel.json LANGUAGE [--misses] [--half even|odd]   temporal stage on the Recognizers-Text date cases");
        Console.Error.WriteLine("       Dossier.Bench events [CORPUS.jsonl] [ARTICLES] [LARGEST]  event mentions KB/s on one core; merging 1,000 to LARGEST (10,000) articles");
        Console.Error.WriteLine("       Dossier.Bench workers [CORPUS.jsonl] [ARTICLES]  1, 2 and 4 workers into PostgreSQL from NATS (under tools/with-postgres): articles/s, corpus phase; SQLite beside");
        Console.Error.WriteLine("       Dossier.Bench --filter '*Pipeline*'          BenchmarkDotNet benchmarks");
        return 2;
    }
}
