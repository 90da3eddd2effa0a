using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BRANCH-MISMATCH: The branch text names a different bank than the card's (longest bank name mentioned wins).</summary>
public sealed class BranchMismatchRule : IRule
{
    public string Code => "BK-BRANCH-MISMATCH";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var branch = context.Input.Bank?.Branch;
        if (string.IsNullOrWhiteSpace(branch) || context.EffectiveCardBankCode is not { } cardBank) return;
        var mentioned = context.Banks.FindMentioned(branch);
        if (mentioned is not null && !string.Equals(mentioned.Code, cardBank, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.Branch, true,
                RuleArgs.Of(("branchBank", mentioned.Code), ("cardBank", cardBank))));
        }
    }
}
