using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-BIN-UNKNOWN: No BIN entry matches a well-formed card number.</summary>
public sealed class BinUnknownRule() : Rule("BK-BIN-UNKNOWN", RuleTopics.Bank, Severity.Warning, order: 2050)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CardWellFormed && context.Bin is null)
            findings.Add(NewFinding(FieldPaths.CardNumber));
    }
}
