using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-RISK-HOLD: The rejection message points to risk control or anti-money-laundering review.</summary>
public sealed class RiskHoldRule() : Rule("AP-RISK-HOLD", RuleTopics.Review, Severity.Blocking, order: 4070, selfService: false, faq: [FaqSlugs.Risk, FaqSlugs.Support])
{
    private static readonly MessageKeywords Keywords = new(["风控", "风险", "反洗钱", "可疑"], ["risk", "AML", "suspicious"]);

    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(NewFinding(FieldPaths.RejectionMessage));
    }
}
