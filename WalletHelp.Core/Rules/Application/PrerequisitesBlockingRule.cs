using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-PREREQ: Personal or bank findings are blocking: fix those first. Runs after every PI/BK rule.</summary>
public sealed class PrerequisitesBlockingRule : IRule
{
    public string Code => "AP-PREREQ";

    public RuleTopics Topic => RuleTopics.Review;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.HasBlocking("PI-") || context.HasBlocking("BK-"))
            findings.Add(new Finding(Code, Severity.Blocking, null, true));
    }
}
