using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-STATUS: The card is lost, frozen, dormant or expired: only the bank can fix it.</summary>
public sealed class CardStatusRule : IRule
{
    public string Code => "BK-CARD-STATUS";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Bank?.CardStatus is { } status && status != CardStatus.Normal)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardStatus, false, RuleArgs.Of("status", Codes.ToKebab(status))));
    }
}
