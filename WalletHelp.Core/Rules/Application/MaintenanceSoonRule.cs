using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-MAINTENANCE-SOON: A maintenance window starts within <see cref="DiagnosticsOptions.MaintenanceLookahead"/> (and none is active).</summary>
public sealed class MaintenanceSoonRule : IRule
{
    public string Code => "AP-MAINTENANCE-SOON";

    public RuleTopics Topic => RuleTopics.Service;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveMaintenanceEnd() is not null || context.UpcomingMaintenance() is not { } window) return;
        findings.Add(new Finding(Code, Severity.Warning, null, true,
            RuleArgs.Of(("startsAt", RuleArgs.Instant(window.StartsAt)), ("endsAt", RuleArgs.Instant(window.EndsAt)))));
    }
}
