using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-CREDIT: A credit or semi-credit card (by BIN or by the person's answer) where a debit card is needed.</summary>
public sealed class CreditCardRule() : Rule("BK-CARD-CREDIT", RuleTopics.Bank, Severity.Blocking, order: 2070)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { IsCredit: true })
            findings.Add(NewFinding(FieldPaths.CardNumber));
        else if (context.Input.Bank?.CardType == CardType.Credit)
            findings.Add(NewFinding(FieldPaths.CardType));
    }
}
