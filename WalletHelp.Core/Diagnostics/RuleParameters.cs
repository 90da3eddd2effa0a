using Microsoft.Extensions.Options;

namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// One numbered parameter set: the values the rules run with. Set 0 is the configuration
/// (<see cref="DiagnosticsOptions"/> bound from <c>WalletHelp:Diagnostics</c>); admins save sets 1, 2, … .
/// </summary>
public sealed class RuleParameters
{
    public RuleParameters(int setNumber, DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SetNumber = setNumber;
        Options = options;
        // Validation has already rejected a malformed value; an unparsable one here just means no peak hours.
        PeakHours = DiagnosticsOptions.TryParsePeakHours(options.PeakHours, out var parsed, out _) ? parsed : [];
    }

    public int SetNumber { get; }

    /// <summary>The values; treat as read-only (a new set is a new instance).</summary>
    public DiagnosticsOptions Options { get; }

    public IReadOnlyList<PeakHourRange> PeakHours { get; }
}

/// <summary>The parameter set diagnoses run with now.</summary>
public interface IRuleParametersProvider
{
    RuleParameters Current { get; }
}

/// <summary>Holds the current set; replaced atomically when an admin saves or restores a set.</summary>
public sealed class RuleParametersProvider : IRuleParametersProvider
{
    private RuleParameters current;

    public RuleParametersProvider(IOptions<DiagnosticsOptions> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        Configured = new RuleParameters(0, configured.Value);
        current = Configured;
    }

    /// <summary>Set 0: the configuration values (the defaults of a fresh database).</summary>
    public RuleParameters Configured { get; }

    public RuleParameters Current => Volatile.Read(ref current);

    public void Replace(RuleParameters parameters) => Volatile.Write(ref current, parameters ?? throw new ArgumentNullException(nameof(parameters)));
}
