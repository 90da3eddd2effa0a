using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-HOLDER-MISMATCH: The cardholder name differs from the applicant's name (whitespace, dot variants, width and case ignored).</summary>
public sealed class HolderNameMismatchRule() : Rule("BK-HOLDER-MISMATCH", RuleTopics.Bank, Severity.Blocking, order: 2080)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var holder = context.Input.Bank?.HolderName;
        var name = context.Input.Personal?.Name;
        if (!string.IsNullOrWhiteSpace(holder) && !string.IsNullOrWhiteSpace(name) && !NameText.SameName(holder, name))
            findings.Add(NewFinding(FieldPaths.HolderName));
    }
}
