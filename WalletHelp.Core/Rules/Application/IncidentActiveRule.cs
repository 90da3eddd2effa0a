using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-INCIDENT: An unresolved incident affects wallet opening.</summary>
public sealed class IncidentActiveRule : IRule
{
    public string Code => "AP-INCIDENT";

    public RuleTopics Topic => RuleTopics.Service;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveIncident() is { } incident)
            findings.Add(new Finding(Code, Severity.Blocking, null, true, RuleArgs.Of("startedAt", RuleArgs.Instant(incident.StartedAt))));
    }
}
