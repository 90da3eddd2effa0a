using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-MISSING: The card number is empty while a card is needed: the symptom's flow asks for bank details and the wallet class is
/// unknown, 1 or 2 (classes 3 and 4 open without a bank card).</summary>
public sealed class CardMissingRule() : Rule("BK-CARD-MISSING", RuleTopics.Bank, Severity.Blocking, order: 2010)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.CardNumber.Length == 0 && context.Input.WalletClass is null or 1 or 2)
            findings.Add(NewFinding(FieldPaths.CardNumber));
    }
}
