using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-CREDIT: A credit or semi-credit card (by BIN or by the person's answer) where a debit card is needed.</summary>
public sealed class CreditCardRule : IRule
{
    public string Code => "BK-CARD-CREDIT";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { IsCredit: true })
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardNumber, true));
        else if (context.Input.Bank?.CardType == CardType.Credit)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardType, true));
    }
}
