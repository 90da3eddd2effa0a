using System.Globalization;
using MudBlazor;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Shared;

/// <summary>Presentation helpers shared by the result, history and status pages.</summary>
public static class Display
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Times are shown in Beijing time, the wallet operator's clock.</summary>
    public static string BeijingTime(DateTimeOffset value) =>
        value.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC <see cref="DateTime"/> (EF reads them back as Unspecified) in Beijing time.</summary>
    public static string BeijingTime(DateTime utc) => BeijingTime(AsUtc(utc));

    public static string BeijingTimeSeconds(DateTime utc) => BeijingTimeSeconds(AsUtc(utc));

    public static string BeijingDate(DateTime utc) => BeijingDate(AsUtc(utc));

    private static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>To the second, for revision histories and edit conflicts.</summary>
    public static string BeijingTimeSeconds(DateTimeOffset value) =>
        value.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The calendar day in Beijing (an article's "updated" date).</summary>
    public static string BeijingDate(DateTimeOffset value) =>
        value.ToOffset(Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static MudBlazor.Severity AlertSeverity(Outcome outcome) => outcome switch
    {
        Outcome.Ready => MudBlazor.Severity.Success,
        Outcome.FixAndRetry => MudBlazor.Severity.Warning,
        Outcome.Wait => MudBlazor.Severity.Info,
        _ => MudBlazor.Severity.Error,
    };

    public static string OutcomeIcon(Outcome outcome) => outcome switch
    {
        Outcome.Ready => Icons.Material.Filled.CheckCircle,
        Outcome.FixAndRetry => Icons.Material.Filled.Build,
        Outcome.Wait => Icons.Material.Filled.HourglassTop,
        _ => Icons.Material.Filled.SupportAgent,
    };

    public static Color OutcomeColor(Outcome outcome) => outcome switch
    {
        Outcome.Ready => Color.Success,
        Outcome.FixAndRetry => Color.Warning,
        Outcome.Wait => Color.Info,
        _ => Color.Error,
    };

    public static Color SeverityColor(Core.Diagnostics.Severity severity) => severity switch
    {
        Core.Diagnostics.Severity.Blocking => Color.Error,
        Core.Diagnostics.Severity.Warning => Color.Warning,
        _ => Color.Info,
    };

    public static string SeverityIcon(Core.Diagnostics.Severity severity) => severity switch
    {
        Core.Diagnostics.Severity.Blocking => Icons.Material.Filled.Error,
        Core.Diagnostics.Severity.Warning => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };
}
