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

// `--analytics-latency [diagnoses]`: plain timings of the analytics queries (seeds the file on first use).
if (args.Length > 0 && args[0] == "--analytics-latency")
{
    await AnalyticsBenchmarkDatabase.RunLatencyAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : AnalyticsBenchmarkDatabase.DefaultDiagnoses);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FaqSearchBenchmarks).Assembly).Run(args);
