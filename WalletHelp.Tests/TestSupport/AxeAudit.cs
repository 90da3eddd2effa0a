using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// Runs axe-core (Deque.AxeCore.Playwright, every rule axe enables by default, no rule switched off) on a page in a named
/// state and collects the critical and serious violations, so one test can walk many states and report all of them
/// at once: rule id, impact, what to do, and for each offending element its selector, its HTML and axe's reasons.
/// Each scan also appends one line to TestResults/axe-report.txt (state, counts, seconds), for the run's record.
/// </summary>
public sealed class AxeAudit
{
    private readonly List<string> problems = [];
    private readonly string name;

    public AxeAudit(string name)
    {
        this.name = name;
        File.AppendAllText(ReportPath, $"# {name} ({DateTimeOffset.UtcNow:u})\n");
    }

    public static string ReportPath => Path.Combine(BrowserFixture.ScreenshotFolder, "..", "axe-report.txt");

    public int Scans { get; private set; }

    /// <summary>Scans the page as it is now; <paramref name="state"/> names it in the report ("en result wait").</summary>
    public async Task ScanAsync(IPage page, string state)
    {
        var clock = Stopwatch.StartNew();
        // Legacy mode runs axe.run in the page itself. The default mode opens a blank page for every scan to merge
        // per-frame results (axe's runPartial/finishRun), which measured 4–6 s a scan here against 0.6–1.4 s (same
        // rules, same violations); it only matters for cross-origin iframes, which WalletHelp has none of (an untested
        // frame would still be reported, as the critical rule frame-tested). If a later package drops legacy mode,
        // switch back to RunAxe() and accept the slower run.
#pragma warning disable CS0618 // RunAxeLegacy is marked "being removed in the future"; it is in the pinned 4.14.0.
        var result = await page.RunAxeLegacy();
#pragma warning restore CS0618
        Scans++;
        var blocking = result.Violations.Where(v => v.Impact is "critical" or "serious").ToList();
        foreach (var violation in blocking)
        {
            problems.Add(Describe(state, page.Url, violation));
        }
        File.AppendAllText(ReportPath,
            $"{state}: {blocking.Count} critical/serious, {result.Violations.Length - blocking.Count} moderate/minor " +
            $"({string.Join(", ", result.Violations.Select(v => $"{v.Impact} {v.Id}"))}), {result.Passes.Length} rules passed, " +
            $"{clock.Elapsed.TotalSeconds:0.0} s\n");
    }

    /// <summary>Fails with every critical and serious violation found so far, grouped by state.</summary>
    public void AssertNoCriticalOrSerious()
    {
        var report = string.Join("\n", problems);
        File.AppendAllText(ReportPath, problems.Count == 0 ? $"# {name}: clean after {Scans} scans\n" : report + "\n");
        Assert.True(Scans > 0, "no page was scanned");
        Assert.True(problems.Count == 0, $"axe found {problems.Count} critical or serious violation(s) in {name}:\n{report}");
    }

    private static string Describe(string state, string url, AxeResultItem violation)
    {
        var text = new StringBuilder();
        text.Append($"[{state}] {url}\n  {violation.Impact} {violation.Id}: {violation.Help} ({violation.HelpUrl})\n");
        foreach (var node in violation.Nodes.Take(5))
        {
            text.Append($"    target: {node.Target}\n");
            text.Append($"      html: {Shorten(node.Html)}\n");
            var reasons = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                .Select(check => check.Message).Where(message => !string.IsNullOrWhiteSpace(message));
            text.Append($"      why: {string.Join("; ", reasons)}\n");
        }
        if (violation.Nodes.Length > 5)
        {
            text.Append($"    … and {violation.Nodes.Length - 5} more element(s)\n");
        }
        return text.ToString();
    }

    private static string Shorten(string? html)
    {
        var value = (html ?? "").ReplaceLineEndings(" ");
        return value.Length <= 200 ? value : value[..200] + "…";
    }
}
