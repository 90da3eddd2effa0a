using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-POLICY: The rejection message cites a policy or eligibility refusal.</summary>
public sealed class PolicyRefusalRule : IRule
{
    private static readonly MessageKeywords Keywords = new(["不符合", "政策", "不支持"], ["not eligible", "ineligible", "policy"]);

    public string Code => "AP-POLICY";

    public RuleTopics Topic => RuleTopics.Review;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.RejectionMessage, false));
    }
}
