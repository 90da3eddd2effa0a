using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-MAINTENANCE-SOON: A maintenance window starts within <see cref="DiagnosticsOptions.MaintenanceLookahead"/> (and none is active).</summary>
public sealed class MaintenanceSoonRule() : Rule("AP-MAINTENANCE-SOON", RuleTopics.Service, Severity.Warning, order: 4020, faq: [FaqSlugs.Retry])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveMaintenanceEnd() is not null || context.UpcomingMaintenance() is not { } window) return;
        findings.Add(NewFinding(null,
            RuleArgs.Of(("startsAt", RuleArgs.Instant(window.StartsAt)), ("endsAt", RuleArgs.Instant(window.EndsAt)))));
    }
}
