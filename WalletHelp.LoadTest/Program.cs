using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using WalletHelp.LoadTest;

// Opens N live Blazor Server circuits against a running instance and has each one type into a field (or click),
// measuring event → render latency. See README "Circuit load harness" for how to run it.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project WalletHelp.LoadTest -- --url http://127.0.0.1:5237 [options]
          --path /diagnose/application-rejected   page to open (default); /counter for the template's counter
          --target field-personal-idNumber           element id / data-testid with the handler (default; "button" = first button with onclick)
          --text 110105194912310023               what is typed, one character per keystroke, then again from the start
          --circuits 100                          circuits to open
          --ramp 20                               seconds over which they are opened
          --duration 30                           seconds measured once all are open
          --rate 1                                keystrokes (or clicks) per second per circuit
          --gcdump-pid PID                        also report the server's GC heap before and after (dotnet-gcdump report)
        """);
    return 2;
}

var baseUri = new Uri(options.Url.TrimEnd('/') + "/");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var heapBefore = options.GcdumpPid is { } pidBefore ? GcHeap.Read(pidBefore, "before") : null;

var circuits = new ConcurrentBag<BlazorCircuit>();
var startFailures = new ConcurrentBag<string>();
var latencies = new ConcurrentBag<double>();
var eventFailures = 0;
var measuring = false;
var clock = Stopwatch.StartNew();

async Task RunCircuitAsync(int index)
{
    BlazorCircuit circuit;
    try
    {
        circuit = await BlazorCircuit.StartAsync(baseUri, options.Path, TimeSpan.FromSeconds(30), stop.Token);
    }
    catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
    {
        startFailures.Add(ex.GetType().Name + ": " + ex.Message);
        return;
    }
    circuits.Add(circuit);
    HandlerElement? Target() => options.Target == "button"
        ? circuit.Handlers.Values.FirstOrDefault(h => h.Tag == "button" && h.EventName == "click")
        : circuit.Handlers.GetValueOrDefault(options.Target);
    // The first batches may come before the one that renders the field.
    var target = Target();
    for (var waited = 0; target is null && waited < 300 && !stop.IsCancellationRequested; waited++)
    {
        await Task.Delay(100);
        target = Target();
    }
    if (target is null)
    {
        startFailures.Add($"no handler on '{options.Target}' (seen: {string.Join(", ", circuit.Handlers.Keys.Take(20))})");
        return;
    }
    var period = TimeSpan.FromSeconds(1 / options.Rate);
    // Spread the circuits' keystrokes over the period.
    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * period.TotalMilliseconds), stop.Token);
    var typed = 0;
    while (!stop.IsCancellationRequested)
    {
        var next = Stopwatch.GetTimestamp();
        typed = typed % options.Text.Length + 1;
        object eventArgs = target.EventName == "click"
            ? new { type = "click", detail = 1, button = 0, buttons = 0 }
            : new { value = options.Text[..typed] };
        try
        {
            var latency = await circuit.DispatchAsync(target, eventArgs, TimeSpan.FromSeconds(10), stop.Token);
            if (Volatile.Read(ref measuring)) latencies.Add(latency.TotalMilliseconds);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            if (Environment.GetEnvironmentVariable("LOADTEST_TRACE") == "1") Console.Error.WriteLine($"event failed: {ex.GetType().Name} {ex.Message} {circuit.Error}");
            if (Volatile.Read(ref measuring)) Interlocked.Increment(ref eventFailures);
            if (!circuit.IsConnected) return;
        }
        var wait = period - Stopwatch.GetElapsedTime(next);
        if (wait > TimeSpan.Zero)
        {
            try { await Task.Delay(wait, stop.Token); } catch (OperationCanceledException) { return; }
        }
    }
}

Console.Error.WriteLine($"opening {options.Circuits} circuits on {options.Path} over {options.Ramp} s …");
var tasks = new List<Task>();
for (var i = 0; i < options.Circuits && !stop.IsCancellationRequested; i++)
{
    tasks.Add(Task.Run(() => RunCircuitAsync(i)));
    var due = TimeSpan.FromSeconds(options.Ramp * (i + 1) / options.Circuits) - clock.Elapsed;
    if (due > TimeSpan.Zero) await Task.Delay(due);
}
// Let the last ones connect, then measure.
await Task.Delay(TimeSpan.FromSeconds(3));
Console.Error.WriteLine($"{circuits.Count} open, {startFailures.Count} failed to open; measuring {options.Duration} s …");
Volatile.Write(ref measuring, true);
await Task.Delay(TimeSpan.FromSeconds(options.Duration));
Volatile.Write(ref measuring, false);
var held = circuits.Count(c => c.IsConnected);
var heapAfter = options.GcdumpPid is { } pidAfter ? GcHeap.Read(pidAfter, "after") : null;
stop.Cancel();
try { await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(15)); } catch (Exception) { /* cancelled */ }

var sorted = latencies.Order().ToArray();
double Pct(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
var errors = circuits.Select(c => c.Error).Where(e => e is not null).GroupBy(e => e).Select(g => $"{g.Count()}× {g.Key}").Take(3);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Path}: circuits asked {options.Circuits}, held {held}, failed to open {startFailures.Count}; events {sorted.Length} ({sorted.Length / options.Duration:F0}/s), failed {eventFailures}; event→render p50 {Pct(50):F1} ms, p95 {Pct(95):F1} ms, p99 {Pct(99):F1} ms"));
if (heapBefore is { } before && heapAfter is { } after && held > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"server GC heap (forced GC): {before / 1024.0 / 1024:F1} MB before, {after / 1024.0 / 1024:F1} MB with {held} circuits → {(after - before) / 1024.0 / held:F0} KB per circuit"));
}
foreach (var line in startFailures.GroupBy(f => f).Select(g => $"{g.Count()}× {g.Key}").Take(3).Concat(errors))
{
    Console.WriteLine("  " + line);
}
foreach (var circuit in circuits)
{
    await circuit.DisposeAsync();
}
return 0;

internal sealed record Options(string Url, string Path, string Target, string Text, int Circuits, double Ramp, double Duration, double Rate, int? GcdumpPid)
{
    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (!values.TryGetValue("url", out var url)) return null;
        string Get(string key, string fallback) => values.GetValueOrDefault(key, fallback);
        double Number(string key, double fallback) => values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(url, Get("path", "/diagnose/application-rejected"), Get("target", "field-personal-idNumber"), Get("text", "110105194912310023"),
            (int)Number("circuits", 100), Number("ramp", 20), Number("duration", 30), Number("rate", 1),
            values.TryGetValue("gcdump-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}

/// <summary>The server's GC heap after a forced full collection, from <c>dotnet-gcdump report -p PID</c> ("… GC Heap bytes").</summary>
internal static class GcHeap
{
    /// <summary>With LOADTEST_GCDUMP_REPORT=PREFIX the whole report (types by size) is kept as PREFIX-before.txt / PREFIX-after.txt.</summary>
    public static long? Read(int pid, string label)
    {
        try
        {
            var start = new ProcessStartInfo("dotnet-gcdump") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("report");
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (Environment.GetEnvironmentVariable("LOADTEST_GCDUMP_REPORT") is { Length: > 0 } prefix)
            {
                File.WriteAllText($"{prefix}-{label}.txt", output);
            }
            foreach (var line in output.Split('\n'))
            {
                if (line.Contains("GC Heap bytes", StringComparison.Ordinal))
                {
                    var digits = new string([.. line.TakeWhile(c => !char.IsLetter(c)).Where(char.IsAsciiDigit)]);
                    if (long.TryParse(digits, CultureInfo.InvariantCulture, out var bytes)) return bytes;
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("dotnet-gcdump not found: dotnet tool install -g dotnet-gcdump");
        }
        return null;
    }
}
