using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-HOLDER-MISMATCH: The cardholder name differs from the applicant's name (whitespace, dot variants, width and case ignored).</summary>
public sealed class HolderNameMismatchRule : IRule
{
    public string Code => "BK-HOLDER-MISMATCH";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var holder = context.Input.Bank?.HolderName;
        var name = context.Input.Personal?.Name;
        if (!string.IsNullOrWhiteSpace(holder) && !string.IsNullOrWhiteSpace(name) && !NameText.SameName(holder, name))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.HolderName, true));
    }
}
