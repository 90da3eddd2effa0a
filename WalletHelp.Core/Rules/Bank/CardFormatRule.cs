using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-FORMAT: Not 12–19 digits after normalisation.</summary>
public sealed class CardFormatRule() : Rule("BK-CARD-FORMAT", RuleTopics.Bank, Severity.Blocking, order: 2020)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var card = context.Input.CardNumber;
        if (card.Length > 0 && !context.CardWellFormed)
            findings.Add(NewFinding(FieldPaths.CardNumber, RuleArgs.Of("length", RuleArgs.Number(card.Length))));
    }
}
