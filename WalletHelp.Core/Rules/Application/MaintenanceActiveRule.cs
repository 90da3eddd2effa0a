using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-MAINTENANCE: A maintenance window is active now. Args: <c>endsAt</c> (following on into back-to-back windows).</summary>
public sealed class MaintenanceActiveRule : IRule
{
    public string Code => "AP-MAINTENANCE";

    public RuleTopics Topic => RuleTopics.Service;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveMaintenanceEnd() is { } end)
            findings.Add(new Finding(Code, Severity.Blocking, null, true, RuleArgs.Of("endsAt", RuleArgs.Instant(end))));
    }
}
