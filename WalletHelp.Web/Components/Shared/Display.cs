using System.Globalization;
using MudBlazor;
using WalletHelp.Core;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Shared;

/// <summary>Presentation helpers shared by the result, history and status pages.</summary>
public static class Display
{
    /// <summary>China time to the second, for revision histories and edit conflicts.</summary>
    public static string FormatSeconds(DateTimeOffset instant) =>
        ChinaTime.From(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The calendar day in China time (an article's "updated" date).</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        ChinaTime.From(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
