using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>TX-LIMIT-BALANCE: A top-up would take the balance over the wallet class's cap.</summary>
public sealed class BalanceCapRule() : Rule("TX-LIMIT-BALANCE", RuleTopics.Transaction, Severity.Blocking, order: 3030)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var tx = context.Input.Transaction;
        if (tx is null || tx.Kind != TransactionKind.TopUp || tx.Amount is not { } amount) return;
        var after = (tx.Balance ?? 0m) + amount;
        if (context.Options.LimitsFor(context.Input.WalletClass) is { } limits && after > limits.Balance)
        {
            findings.Add(NewFinding(FieldPaths.Amount, RuleArgs.Of(
                ("balanceAfter", RuleArgs.Number(after)), ("limit", RuleArgs.Number(limits.Balance)),
                ("walletClass", RuleArgs.Number(context.Input.WalletClass ?? 0)))));
        }
    }
}
