using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-LUHN: Fails the Luhn (mod 10) check.</summary>
public sealed class CardLuhnRule() : Rule("BK-CARD-LUHN", RuleTopics.Bank, Severity.Blocking, order: 2030)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CardWellFormed && !Luhn.IsValid(context.Input.CardNumber))
            findings.Add(NewFinding(FieldPaths.CardNumber));
    }
}
