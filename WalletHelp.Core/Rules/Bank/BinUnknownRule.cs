using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BIN-UNKNOWN: No BIN entry matches a well-formed card number.</summary>
public sealed class BinUnknownRule : IRule
{
    public string Code => "BK-BIN-UNKNOWN";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CardWellFormed && context.Bin is null)
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.CardNumber, true));
    }
}
