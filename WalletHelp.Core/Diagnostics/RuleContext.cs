using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Diagnostics;

/// <summary>Everything a rule may look at during one diagnosis. Created by the engine; time comes from its <see cref="TimeProvider"/>.</summary>
public sealed class RuleContext
{
    private Bank? namedBank;
    private bool namedBankResolved;

    public RuleContext(
        NormalizedInput input,
        ServiceSchedule schedule,
        DiagnosticsOptions options,
        IReadOnlyList<PeakHourRange> peakHours,
        DateTimeOffset now,
        BinTable bins,
        BankDirectory banks,
        IReadOnlyList<Finding> findings)
    {
        Input = input;
        Schedule = schedule;
        Options = options;
        PeakHours = peakHours;
        Now = now;
        ChinaNow = ChinaTime.From(now);
        Today = ChinaTime.Today(now);
        Bins = bins;
        Banks = banks;
        Findings = findings;
        Flow = SymptomFlow.For(input.Symptom);
        Id = IdAnalysis.Analyze(input.IdNumber, Today);
        CardWellFormed = IsCardWellFormed(input.CardNumber);
        if (CardWellFormed && bins.TryMatch(input.CardNumber, out var bin))
        {
            Bin = bin;
            CardBank = banks.FindByCode(bin.BankCode);
        }
    }

    public NormalizedInput Input { get; }
    public ServiceSchedule Schedule { get; }
    public DiagnosticsOptions Options { get; }
    public IReadOnlyList<PeakHourRange> PeakHours { get; }
    public DateTimeOffset Now { get; }
    /// <summary><see cref="Now"/> in China time (UTC+8).</summary>
    public DateTimeOffset ChinaNow { get; }
    /// <summary>Today's date in China: ages and expiry dates are judged by it.</summary>
    public DateOnly Today { get; }
    public SymptomFlow Flow { get; }
    public BinTable Bins { get; }
    public BankDirectory Banks { get; }
    /// <summary>Findings of the rules that ran before this one (catalogue order: PI → BK → TX/SY → AP, AP-READY last).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public IdAnalysis Id { get; }
    /// <summary>12–19 ASCII digits.</summary>
    public bool CardWellFormed { get; }
    /// <summary>The longest-prefix BIN entry of a well-formed card number.</summary>
    public BinEntry? Bin { get; }
    /// <summary>The issuer of <see cref="Bin"/>, when it is in the directory.</summary>
    public Bank? CardBank { get; }

    /// <summary>The bank the person named (bank.bankName), matched against the directory.</summary>
    public Bank? NamedBank
    {
        get
        {
            if (!namedBankResolved)
            {
                namedBank = Banks.TryMatch(Input.Bank?.BankName, out var bank) ? bank : null;
                namedBankResolved = true;
            }
            return namedBank;
        }
    }

    /// <summary>The card's bank code from the BIN table, else the one the person named.</summary>
    public string? EffectiveCardBankCode => Bin?.BankCode ?? NamedBank?.Code;

    /// <summary>True when a finding with this code is already present.</summary>
    public bool Has(string code)
    {
        for (var i = 0; i < Findings.Count; i++)
        {
            if (string.Equals(Findings[i].Code, code, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>True when a blocking finding whose code starts with <paramref name="prefix"/> is present (null: any).</summary>
    public bool HasBlocking(string? prefix = null)
    {
        for (var i = 0; i < Findings.Count; i++)
        {
            var finding = Findings[i];
            if (finding.Severity == Severity.Blocking
                && (prefix is null || finding.Code.StartsWith(prefix, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>
    /// When the active maintenance ends, following on into windows that start before it ends; null when none is active.
    /// </summary>
    public DateTimeOffset? ActiveMaintenanceEnd()
    {
        DateTimeOffset? end = null;
        var windows = Schedule.Maintenance;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.StartsAt <= Now && Now < w.EndsAt && (end is null || w.EndsAt > end)) end = w.EndsAt;
        }
        if (end is null) return null;
        bool extended;
        do
        {
            extended = false;
            for (var i = 0; i < windows.Count; i++)
            {
                var w = windows[i];
                if (w.StartsAt <= end && w.EndsAt > end)
                {
                    end = w.EndsAt;
                    extended = true;
                }
            }
        }
        while (extended);
        return end;
    }

    /// <summary>The next maintenance window starting within the lookahead, if any.</summary>
    public MaintenanceWindow? UpcomingMaintenance()
    {
        MaintenanceWindow? next = null;
        var limit = Now + Options.MaintenanceLookahead;
        var windows = Schedule.Maintenance;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.StartsAt > Now && w.StartsAt <= limit && w.EndsAt > w.StartsAt && (next is null || w.StartsAt < next.StartsAt)) next = w;
        }
        return next;
    }

    /// <summary>An unresolved incident that affects wallet opening.</summary>
    public Incident? ActiveIncident()
    {
        var incidents = Schedule.Incidents;
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            if (incident.AffectsOpening && incident.StartedAt <= Now && (incident.ResolvedAt is null || incident.ResolvedAt > Now))
                return incident;
        }
        return null;
    }

    /// <summary>
    /// The earliest retry when the attempt limit is reached: last attempt + cooldown (now + cooldown when the last
    /// attempt time is unknown); null when the limit is not reached or the cooldown is already over.
    /// </summary>
    public DateTimeOffset? CooldownEnd()
    {
        var application = Input.Application;
        if (application?.AttemptsLast24h is not { } attempts || attempts < Options.MaxAttemptsPer24h) return null;
        var cooldown = TimeSpan.FromHours(Options.CooldownHours);
        var last = application.LastAttemptAt;
        if (last is { } at && at > Now) last = Now;
        var end = (last ?? Now) + cooldown;
        return end > Now ? end : null;
    }

    private static bool IsCardWellFormed(string card)
    {
        if (card.Length is < 12 or > 19) return false;
        foreach (var c in card)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
