using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-INFO-CHANGED: The person recently changed name or ID card: bank and carrier records may still hold the old data.</summary>
public sealed class IdentityRecentlyChangedRule() : Rule("PI-INFO-CHANGED", RuleTopics.IdentityChange, Severity.Warning, order: 1250, faq: [FaqSlugs.Identity, FaqSlugs.Personal])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Personal?.RecentlyChangedIdentity == true)
            findings.Add(NewFinding(FieldPaths.RecentlyChangedIdentity));
    }
}
