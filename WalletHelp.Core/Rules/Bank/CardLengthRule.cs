using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-LENGTH: The issuer's BIN entry says another length.</summary>
public sealed class CardLengthRule : IRule
{
    public string Code => "BK-CARD-LENGTH";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { } bin && bin.Length != context.Input.CardNumber.Length)
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.CardNumber, true, RuleArgs.Of(
                ("expected", RuleArgs.Number(bin.Length)),
                ("actual", RuleArgs.Number(context.Input.CardNumber.Length)),
                ("cardBank", bin.BankCode))));
        }
    }
}
