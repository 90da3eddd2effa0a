using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-READY: Nothing blocks: the re-apply steps. Runs last.</summary>
public sealed class ReadyToReapplyRule() : Rule("AP-READY", RuleTopics.Ready, Severity.Info, order: 9000, faq: [FaqSlugs.Retry, FaqSlugs.Support])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (!context.HasBlocking())
            findings.Add(NewFinding(null));
    }
}
