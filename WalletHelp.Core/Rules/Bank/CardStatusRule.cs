using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-STATUS: The card is lost, frozen, dormant or expired: only the bank can fix it.</summary>
public sealed class CardStatusRule() : Rule("BK-CARD-STATUS", RuleTopics.Bank, Severity.Blocking, order: 2120, selfService: false, faq: [FaqSlugs.Card, FaqSlugs.Support])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Bank?.CardStatus is { } status && status != CardStatus.Normal)
            findings.Add(NewFinding(FieldPaths.CardStatus, RuleArgs.Of("status", Codes.ToKebab(status))));
    }
}
