using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-EXPIRED: The ID card expired before today ("long-term" cards never expire).</summary>
public sealed class IdExpiredRule() : Rule("PI-ID-EXPIRED", RuleTopics.Id, Severity.Blocking, order: 1150, faq: [FaqSlugs.Personal, FaqSlugs.Identity])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var personal = context.Input.Personal;
        if (personal is null || personal.IdLongTerm || personal.IdExpiry is not { } expiry) return;
        if (expiry < context.Today)
            findings.Add(NewFinding(FieldPaths.IdExpiry, RuleArgs.Of("expiry", RuleArgs.Date(expiry))));
    }
}
