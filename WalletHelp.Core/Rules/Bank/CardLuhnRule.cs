using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-LUHN: Fails the Luhn (mod 10) check.</summary>
public sealed class CardLuhnRule : IRule
{
    public string Code => "BK-CARD-LUHN";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CardWellFormed && !Luhn.IsValid(context.Input.CardNumber))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardNumber, true));
    }
}
