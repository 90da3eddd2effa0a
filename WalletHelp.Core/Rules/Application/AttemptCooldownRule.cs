using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-COOLDOWN: <c>attemptsLast24h</c> ≥ <see cref="DiagnosticsOptions.MaxAttemptsPer24h"/>: earliest retry = last attempt +
/// <see cref="DiagnosticsOptions.CooldownHours"/>. Args: <c>retryAt</c>, <c>attempts</c>, <c>maxAttempts</c>.</summary>
public sealed class AttemptCooldownRule : IRule
{
    public string Code => "AP-COOLDOWN";

    public RuleTopics Topic => RuleTopics.Retry;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CooldownEnd() is not { } end) return;
        findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.Attempts, true, RuleArgs.Of(
            ("retryAt", RuleArgs.Instant(end)),
            ("attempts", RuleArgs.Number(context.Input.Application?.AttemptsLast24h ?? 0)),
            ("maxAttempts", RuleArgs.Number(context.Options.MaxAttemptsPer24h)))));
    }
}
