using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BANK-MISMATCH: The bank the person named is not the card's issuer (by BIN). An unrecognised bank name is not reported.</summary>
public sealed class BankMismatchRule : IRule
{
    public string Code => "BK-BANK-MISMATCH";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { } bin && context.NamedBank is { } named && !string.Equals(named.Code, bin.BankCode, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.BankName, true,
                RuleArgs.Of(("namedBank", named.Code), ("cardBank", bin.BankCode))));
        }
    }
}
