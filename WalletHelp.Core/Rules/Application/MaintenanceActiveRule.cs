using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-MAINTENANCE: A maintenance window is active now. Args: <c>endsAt</c> (following on into back-to-back windows).</summary>
public sealed class MaintenanceActiveRule() : Rule("AP-MAINTENANCE", RuleTopics.Service, Severity.Blocking, order: 4010, faq: [FaqSlugs.Retry]), IWaitReason
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveMaintenanceEnd() is { } end)
            findings.Add(NewFinding(null, RuleArgs.Of("endsAt", RuleArgs.Instant(end))));
    }

    public DateTimeOffset? RetryAfter(RuleContext context) => context.ActiveMaintenanceEnd();
}
