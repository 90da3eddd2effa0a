using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BRANCH-MISMATCH: The branch text names a different bank than the card's (longest bank name mentioned wins).</summary>
public sealed class BranchMismatchRule() : Rule("BK-BRANCH-MISMATCH", RuleTopics.Bank, Severity.Blocking, order: 2100)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var branch = context.Input.Bank?.Branch;
        if (string.IsNullOrWhiteSpace(branch) || context.EffectiveCardBankCode is not { } cardBank) return;
        var mentioned = context.Banks.FindMentioned(branch);
        if (mentioned is not null && !string.Equals(mentioned.Code, cardBank, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(NewFinding(FieldPaths.Branch,
                RuleArgs.Of(("branchBank", mentioned.Code), ("cardBank", cardBank))));
        }
    }
}
