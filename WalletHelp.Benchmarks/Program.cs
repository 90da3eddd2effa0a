using BenchmarkDotNet.Running;
using WalletHelp.Benchmarks;

// `--faq-latency [articles...]`: plain p50/p99 of the FAQ search (BenchmarkDotNet reports up to P95).
if (args.Length > 0 && args[0] == "--faq-latency")
{
    int[] sizes = args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [10_000, 100_000];
    foreach (var size in sizes)
    {
        await FaqBenchmarkDatabase.RunLatencyAsync(size, 500);
    }
    return;
}

// `--faq-latency-postgres [articles=100000] [iterations=200] [--reseed] [--explain]` with WH_BENCH_PG set to an Npgsql
// connection string: FAQ search p50/p99 on PostgreSQL (deploy/local/bench-faq.sh runs it against up.sh's server).
if (args.Length > 0 && args[0] == "--faq-latency-postgres")
{
    var server = Environment.GetEnvironmentVariable("WH_BENCH_PG");
    if (string.IsNullOrWhiteSpace(server))
    {
        Console.Error.WriteLine("--faq-latency-postgres: set WH_BENCH_PG to an Npgsql connection string (deploy/local/bench-faq.sh does)");
        return;
    }
    var numbers = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    await FaqPostgresBenchmark.RunAsync(server, numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 100_000,
        numbers.ElementAtOrDefault(1) is > 0 and var it ? it : 200, args.Contains("--reseed"), args.Contains("--explain"));
    return;
}

// `--analytics-latency [diagnoses]`: plain timings of the analytics queries (seeds the file on first use).
if (args.Length > 0 && args[0] == "--analytics-latency")
{
    await AnalyticsBenchmarkDatabase.RunLatencyAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : AnalyticsBenchmarkDatabase.DefaultDiagnoses);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FaqSearchBenchmarks).Assembly).Run(args);
