using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace WalletHelp.Core.Diagnostics;

/// <summary>Rule parameters, bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "WalletHelp:Diagnostics";

    /// <summary>Youngest age (in whole years, China time) that may open a wallet.</summary>
    [Range(0, 120)]
    public int MinimumAge { get; set; } = 16;

    [Range(1, 1000)]
    public int MaxAttemptsPer24h { get; set; } = 3;

    [Range(1, 24 * 30)]
    public int CooldownHours { get; set; } = 24;

    /// <summary>How far ahead AP-MAINTENANCE-SOON looks.</summary>
    public TimeSpan MaintenanceLookahead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Retry estimate while an incident is unresolved: incidents have no planned end, so a "wait" outcome caused only by
    /// an incident carries now + this value as <c>retryAfter</c>.
    /// </summary>
    public TimeSpan IncidentRetryEstimate { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Peak hours in China time (UTC+8) as a list of <c>HH:mm-HH:mm</c> ranges separated by commas or semicolons.
    /// A string rather than a list so configuration replaces the default instead of appending to it.
    /// </summary>
    [Required(AllowEmptyStrings = true)]
    public string PeakHours { get; set; } = "11:00-13:00,19:00-22:00";

    [Range(0, 3650)]
    public int IdExpiringDays { get; set; } = 30;

    /// <summary>Whether the operator's form asks for the opening branch (开户行); drives BK-BRANCH-MISSING.</summary>
    public bool BranchRequired { get; set; } = true;

    [Required]
    public WalletClassLimits Class2 { get; set; } = new() { Balance = 500_000m, PerPayment = 50_000m, PerDay = 100_000m };

    [Required]
    public WalletClassLimits Class3 { get; set; } = new() { Balance = 20_000m, PerPayment = 5_000m, PerDay = 10_000m };

    [Required]
    public WalletClassLimits Class4 { get; set; } = new() { Balance = 10_000m, PerPayment = 2_000m, PerDay = 5_000m };

    /// <summary>The limits of a wallet class; null for class 1 (no limit) or an unknown class.</summary>
    public WalletClassLimits? LimitsFor(int? walletClass) => walletClass switch
    {
        2 => Class2,
        3 => Class3,
        4 => Class4,
        _ => null,
    };

    /// <summary>Parses <see cref="PeakHours"/>; false with a reason when a range is malformed.</summary>
    public static bool TryParsePeakHours(string? text, out IReadOnlyList<PeakHourRange> ranges, out string? error)
    {
        var list = new List<PeakHourRange>();
        ranges = list;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0
                || !TimeOnly.TryParseExact(part.AsSpan(0, dash).Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(part.AsSpan(dash + 1).Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                error = $"'{part}' is not a range like 11:00-13:00";
                return false;
            }
            if (end <= start)
            {
                error = $"'{part}' ends before it starts";
                return false;
            }
            list.Add(new PeakHourRange(start, end));
        }
        return true;
    }
}

/// <summary>Limits of one wallet class, in CNY.</summary>
public sealed class WalletClassLimits
{
    [Range(typeof(decimal), "1", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal Balance { get; set; }

    [Range(typeof(decimal), "1", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal PerPayment { get; set; }

    [Range(typeof(decimal), "1", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal PerDay { get; set; }
}

/// <summary>A daily time range in China time; <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct PeakHourRange(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
