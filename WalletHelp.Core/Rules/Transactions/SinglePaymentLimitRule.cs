using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>TX-LIMIT-SINGLE: A payment exceeds the wallet class's per-payment limit.</summary>
public sealed class SinglePaymentLimitRule() : Rule("TX-LIMIT-SINGLE", RuleTopics.Transaction, Severity.Blocking, order: 3010)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var tx = context.Input.Transaction;
        if (tx is null || (tx.Kind ?? TransactionKind.Payment) != TransactionKind.Payment || tx.Amount is not { } amount) return;
        if (context.Options.LimitsFor(context.Input.WalletClass) is { } limits && amount > limits.PerPayment)
        {
            findings.Add(NewFinding(FieldPaths.Amount, RuleArgs.Of(
                ("amount", RuleArgs.Number(amount)), ("limit", RuleArgs.Number(limits.PerPayment)),
                ("walletClass", RuleArgs.Number(context.Input.WalletClass ?? 0)))));
        }
    }
}
