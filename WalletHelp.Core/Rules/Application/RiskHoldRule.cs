using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-RISK-HOLD: The rejection message points to risk control or anti-money-laundering review.</summary>
public sealed class RiskHoldRule : IRule
{
    private static readonly MessageKeywords Keywords = new(["风控", "风险", "反洗钱", "可疑"], ["risk", "AML", "suspicious"]);

    public string Code => "AP-RISK-HOLD";

    public RuleTopics Topic => RuleTopics.Review;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.RejectionMessage, false));
    }
}
