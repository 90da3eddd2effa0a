using Microsoft.Extensions.Options;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// Normalises the input, runs every rule the symptom's flow needs (in <see cref="RuleCatalog.Rules"/> order), records a
/// rule that throws as a <see cref="RuleFailure"/> instead of failing, and decides the outcome.
/// </summary>
public sealed class DiagnosisEngine : IDiagnosisEngine
{
    private readonly IRuleParametersProvider parameters;
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
        : this(new RuleParametersProvider(options), timeProvider, bins, banks, rules)
    {
    }

    /// <summary>An engine whose parameters can change at run time (admin parameter sets).</summary>
    public DiagnosisEngine(
        IRuleParametersProvider parameters,
        TimeProvider timeProvider,
        IBinTableProvider bins,
        BankDirectory banks,
        IEnumerable<IRule>? rules = null)
    {
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.bins = bins ?? throw new ArgumentNullException(nameof(bins));
        this.banks = banks ?? throw new ArgumentNullException(nameof(banks));
        this.rules = [.. rules ?? RuleCatalog.Rules];
    }

    /// <summary>An engine with default options, the system clock and the built-in reference data.</summary>
    public static DiagnosisEngine CreateDefault(TimeProvider? timeProvider = null) =>
        new(Options.Create(new DiagnosticsOptions()), timeProvider ?? TimeProvider.System, new BinTableProvider(), BankDirectory.Default);

    public DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule schedule) => Diagnose(input, schedule, parameters.Current);

    public DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule schedule, RuleParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        schedule ??= ServiceSchedule.Empty;
        var findings = new List<Finding>(8);
        List<RuleFailure>? failures = null;
        var table = bins.Current;
        var context = new RuleContext(
            InputNormalizer.Normalize(input), schedule, parameters.Options, parameters.PeakHours, timeProvider.GetUtcNow(), table, table.BanksOver(banks), findings);
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
            failures is null ? [] : failures, parameters.SetNumber);
    }

    /// <summary>
    /// contact-support (any blocking finding that is not self-service) → wait (a blocking finding of an
    /// <see cref="IWaitReason"/> rule) → fix-and-retry (any other blocking finding) → ready.
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
            if (RuleCatalog.Find(f.Code) is IWaitReason) wait = true;
        }
        return wait ? Outcome.Wait : blocking ? Outcome.FixAndRetry : Outcome.Ready;
    }

    /// <summary>The latest retry time the wait reasons among the findings give (see <see cref="IWaitReason.RetryAfter"/>).</summary>
    private static DateTimeOffset? RetryAfter(RuleContext context, List<Finding> findings)
    {
        DateTimeOffset? latest = null;
        foreach (var f in findings)
        {
            if (f.Severity != Severity.Blocking || RuleCatalog.Find(f.Code) is not IWaitReason reason) continue;
            if (reason.RetryAfter(context) is { } at && (latest is null || at > latest)) latest = at;
        }
        return latest;
    }
}
