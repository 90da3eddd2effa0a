using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-INCIDENT: An unresolved incident affects wallet opening.</summary>
public sealed class IncidentActiveRule() : Rule("AP-INCIDENT", RuleTopics.Service, Severity.Blocking, order: 4030, faq: [FaqSlugs.Retry]), IWaitReason
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.ActiveIncident() is { } incident)
            findings.Add(NewFinding(null, RuleArgs.Of("startedAt", RuleArgs.Instant(incident.StartedAt))));
    }

    public DateTimeOffset? RetryAfter(RuleContext context) => context.Now + context.Options.IncidentRetryEstimate;
}
