using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-CARD-LENGTH: The issuer's BIN entry says another length.</summary>
public sealed class CardLengthRule() : Rule("BK-CARD-LENGTH", RuleTopics.Bank, Severity.Blocking, order: 2040)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Bin is { } bin && bin.Length != context.Input.CardNumber.Length)
        {
            findings.Add(NewFinding(FieldPaths.CardNumber, RuleArgs.Of(
                ("expected", RuleArgs.Number(bin.Length)),
                ("actual", RuleArgs.Number(context.Input.CardNumber.Length)),
                ("cardBank", bin.BankCode))));
        }
    }
}
