using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-EXPIRING: The ID card expires within <see cref="DiagnosticsOptions.IdExpiringDays"/> days.</summary>
public sealed class IdExpiringRule : IRule
{
    public string Code => "PI-ID-EXPIRING";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var personal = context.Input.Personal;
        if (personal is null || personal.IdLongTerm || personal.IdExpiry is not { } expiry) return;
        var days = expiry.DayNumber - context.Today.DayNumber;
        if (days >= 0 && days <= context.Options.IdExpiringDays)
        {
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.IdExpiry, true,
                RuleArgs.Of(("expiry", RuleArgs.Date(expiry)), ("days", RuleArgs.Number(days)))));
        }
    }
}
