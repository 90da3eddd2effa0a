using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-PREREQ: Personal or bank findings are blocking: fix those first. Runs after every PI/BK rule.</summary>
public sealed class PrerequisitesBlockingRule() : Rule("AP-PREREQ", RuleTopics.Review, Severity.Blocking, order: 4060, faq: [FaqSlugs.Personal, FaqSlugs.Card])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.HasBlocking("PI-") || context.HasBlocking("BK-"))
            findings.Add(NewFinding(null));
    }
}
