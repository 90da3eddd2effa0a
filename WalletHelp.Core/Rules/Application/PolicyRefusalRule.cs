using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-POLICY: The rejection message cites a policy or eligibility refusal.</summary>
public sealed class PolicyRefusalRule() : Rule("AP-POLICY", RuleTopics.Review, Severity.Blocking, order: 4090, selfService: false, faq: [FaqSlugs.Support, FaqSlugs.Classes])
{
    private static readonly MessageKeywords Keywords = new(["不符合", "政策", "不支持"], ["not eligible", "ineligible", "policy"]);

    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(NewFinding(FieldPaths.RejectionMessage));
    }
}
