using Microsoft.Extensions.Options;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// Normalises the input, runs every rule the symptom's flow needs (in <see cref="RuleCatalog.Rules"/> order), records a
/// rule that throws as a <see cref="RuleFailure"/> instead of failing, decides the outcome and lists the findings in
/// <see cref="FindingOrder"/> (what the person should act on first).
/// </summary>
public sealed class DiagnosisEngine : IDiagnosisEngine
{
    private readonly DiagnosticsOptions options;
    private readonly IReadOnlyList<PeakHourRange> peakHours;
    private readonly TimeProvider timeProvider;
    private readonly IBinTableProvider bins;
    private readonly BankDirectory banks;
    private readonly IRule[] rules;

    public DiagnosisEngine(
        IOptions<DiagnosticsOptions> options,
        TimeProvider timeProvider,
        IBinTableProvider bins,
        BankDirectory banks)
        : this(options, timeProvider, bins, banks, RuleCatalog.Rules)
    {
    }

    /// <summary>An engine with a custom rule list (tests, experiments).</summary>
    public DiagnosisEngine(
        IOptions<DiagnosticsOptions> options,
        TimeProvider timeProvider,
        IBinTableProvider bins,
        BankDirectory banks,
        IEnumerable<IRule> rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        this.options = options.Value;
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.bins = bins ?? throw new ArgumentNullException(nameof(bins));
        this.banks = banks ?? throw new ArgumentNullException(nameof(banks));
        this.rules = [.. rules];
        // Validation has already rejected a malformed value; an unparsable one here just means no peak hours.
        peakHours = DiagnosticsOptions.TryParsePeakHours(this.options.PeakHours, out var parsed, out _) ? parsed : [];
    }

    /// <summary>An engine with default options, the system clock and the built-in reference data.</summary>
    public static DiagnosisEngine CreateDefault(TimeProvider? timeProvider = null) =>
        new(Options.Create(new DiagnosticsOptions()), timeProvider ?? TimeProvider.System, new BinTableProvider(), BankDirectory.Default);

    public DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(input);
        schedule ??= ServiceSchedule.Empty;
        var findings = new List<Finding>(8);
        List<RuleFailure>? failures = null;
        var context = new RuleContext(
            InputNormalizer.Normalize(input), schedule, options, peakHours, timeProvider.GetUtcNow(), bins.Current, banks, findings);
        var topics = context.Flow.Topics;

        foreach (var rule in rules)
        {
            if ((rule.Topic & topics) == 0) continue;
            try
            {
                rule.Evaluate(context, findings);
            }
            catch (Exception ex)
            {
                // A throwing rule is a bug; the rest of the diagnosis is still worth having.
                (failures ??= []).Add(new RuleFailure(rule.Code, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        var outcome = DecideOutcome(findings);
        FindingOrder.SortInPlace(findings, outcome);
        var retryAfter = outcome == Outcome.Wait ? RetryAfter(context, findings) : null;
        return new DiagnosticReport(input.Symptom, outcome, retryAfter, findings, RuleCatalog.Version,
            failures is null ? [] : failures);
    }

    /// <summary>
    /// contact-support (any blocking finding that is not self-service) → wait (AP-MAINTENANCE, AP-INCIDENT, AP-COOLDOWN)
    /// → fix-and-retry (any other blocking finding) → ready.
    /// </summary>
    public static Outcome DecideOutcome(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var wait = false;
        var blocking = false;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Severity != Severity.Blocking) continue;
            if (!f.SelfService) return Outcome.ContactSupport;
            blocking = true;
            if (IsWaitCode(f.Code)) wait = true;
        }
        return wait ? Outcome.Wait : blocking ? Outcome.FixAndRetry : Outcome.Ready;
    }

    private static bool IsWaitCode(string code) => FindingOrder.IsWaitReason(code);

    /// <summary>
    /// The latest of: the end of active maintenance, the end of the attempt cooldown, and — for an incident, which has
    /// no planned end — now + <see cref="DiagnosticsOptions.IncidentRetryEstimate"/>.
    /// </summary>
    private DateTimeOffset? RetryAfter(RuleContext context, List<Finding> findings)
    {
        DateTimeOffset? latest = null;
        foreach (var f in findings)
        {
            DateTimeOffset? candidate = f.Code switch
            {
                "AP-MAINTENANCE" => context.ActiveMaintenanceEnd(),
                "AP-COOLDOWN" => context.CooldownEnd(),
                "AP-INCIDENT" => context.Now + options.IncidentRetryEstimate,
                _ => null,
            };
            if (candidate is { } at && (latest is null || at > latest)) latest = at;
        }
        return latest;
    }
}
