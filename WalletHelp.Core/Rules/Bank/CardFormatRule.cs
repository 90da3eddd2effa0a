using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-FORMAT: Not 12–19 digits after normalisation.</summary>
public sealed class CardFormatRule : IRule
{
    public string Code => "BK-CARD-FORMAT";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var card = context.Input.CardNumber;
        if (card.Length > 0 && !context.CardWellFormed)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardNumber, true, RuleArgs.Of("length", RuleArgs.Number(card.Length))));
    }
}
