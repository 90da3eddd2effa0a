using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>TX-LIMIT-DAILY: Today's total plus this payment would exceed the daily limit.</summary>
public sealed class DailyPaymentLimitRule() : Rule("TX-LIMIT-DAILY", RuleTopics.Transaction, Severity.Blocking, order: 3020)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var tx = context.Input.Transaction;
        if (tx is null || (tx.Kind ?? TransactionKind.Payment) != TransactionKind.Payment || tx.Amount is not { } amount) return;
        var total = (tx.TodayTotal ?? 0m) + amount;
        if (context.Options.LimitsFor(context.Input.WalletClass) is { } limits && total > limits.PerDay)
        {
            findings.Add(NewFinding(FieldPaths.Amount, RuleArgs.Of(
                ("total", RuleArgs.Number(total)), ("limit", RuleArgs.Number(limits.PerDay)),
                ("walletClass", RuleArgs.Number(context.Input.WalletClass ?? 0)))));
        }
    }
}
