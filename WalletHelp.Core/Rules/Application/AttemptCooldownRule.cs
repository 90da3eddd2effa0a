using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-COOLDOWN: <c>attemptsLast24h</c> ≥ <see cref="DiagnosticsOptions.MaxAttemptsPer24h"/>: earliest retry = last attempt +
/// <see cref="DiagnosticsOptions.CooldownHours"/>. Args: <c>retryAt</c>, <c>attempts</c>, <c>maxAttempts</c>.</summary>
public sealed class AttemptCooldownRule() : Rule("AP-COOLDOWN", RuleTopics.Retry, Severity.Blocking, order: 4050, faq: [FaqSlugs.Retry]), IWaitReason
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.CooldownEnd() is not { } end) return;
        findings.Add(NewFinding(FieldPaths.Attempts, RuleArgs.Of(
            ("retryAt", RuleArgs.Instant(end)),
            ("attempts", RuleArgs.Number(context.Input.Application?.AttemptsLast24h ?? 0)),
            ("maxAttempts", RuleArgs.Number(context.Options.MaxAttemptsPer24h)))));
    }

    public DateTimeOffset? RetryAfter(RuleContext context) => context.CooldownEnd();
}
