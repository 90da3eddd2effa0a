using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BANK-MISMATCH: The bank the person named is not the card's issuer (by BIN). An unrecognised bank name is not reported.</summary>
public sealed class BankMismatchRule() : Rule("BK-BANK-MISMATCH", RuleTopics.Bank, Severity.Blocking, order: 2060)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { } bin && context.NamedBank is { } named && !string.Equals(named.Code, bin.BankCode, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(NewFinding(FieldPaths.BankName,
                RuleArgs.Of(("namedBank", named.Code), ("cardBank", bin.BankCode))));
        }
    }
}
