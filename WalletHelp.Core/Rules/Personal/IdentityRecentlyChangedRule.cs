using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-INFO-CHANGED: The person recently changed name or ID card: bank and carrier records may still hold the old data.</summary>
public sealed class IdentityRecentlyChangedRule : IRule
{
    public string Code => "PI-INFO-CHANGED";

    public RuleTopics Topic => RuleTopics.IdentityChange;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Personal?.RecentlyChangedIdentity == true)
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.RecentlyChangedIdentity, true));
    }
}
