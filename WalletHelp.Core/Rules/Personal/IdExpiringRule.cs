using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-EXPIRING: The ID card expires within <see cref="DiagnosticsOptions.IdExpiringDays"/> days.</summary>
public sealed class IdExpiringRule() : Rule("PI-ID-EXPIRING", RuleTopics.Id, Severity.Warning, order: 1160, faq: [FaqSlugs.Personal, FaqSlugs.Identity])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var personal = context.Input.Personal;
        if (personal is null || personal.IdLongTerm || personal.IdExpiry is not { } expiry) return;
        var days = expiry.DayNumber - context.Today.DayNumber;
        if (days >= 0 && days <= context.Options.IdExpiringDays)
        {
            findings.Add(NewFinding(FieldPaths.IdExpiry,
                RuleArgs.Of(("expiry", RuleArgs.Date(expiry)), ("days", RuleArgs.Number(days)))));
        }
    }
}
