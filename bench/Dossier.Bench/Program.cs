using BenchmarkDotNet.Running;
using Dossier.Bench;

// `ingest FILE`: whole-build throughput; anything else goes to BenchmarkDotNet (--filter *Pipeline*).
return args is ["ingest", ..]
    ? IngestThroughput.Run(args[1..])
    : RunBenchmarks(args);

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(IngestThroughput).Assembly).Run(args);
    return 0;
}
