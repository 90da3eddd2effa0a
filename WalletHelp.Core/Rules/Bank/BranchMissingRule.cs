using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BRANCH-MISSING: No branch given while the operator's form asks for one (<see cref="DiagnosticsOptions.BranchRequired"/>).</summary>
public sealed class BranchMissingRule() : Rule("BK-BRANCH-MISSING", RuleTopics.Bank, Severity.Warning, order: 2110)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var bank = context.Input.Bank;
        if (bank is not null && context.Options.BranchRequired && context.Input.CardNumber.Length > 0 && string.IsNullOrWhiteSpace(bank.Branch))
            findings.Add(NewFinding(FieldPaths.Branch));
    }
}
