using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-FULLWIDTH: Full-width Latin letters (Ａ–Ｚ, ａ–ｚ) in the name.</summary>
public sealed class NameFullWidthRule : IRule
{
    public string Code => "PI-NAME-FULLWIDTH";

    public RuleTopics Topic => RuleTopics.Name;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrEmpty(name)) return;
        foreach (var c in name)
        {
            if (NameText.IsFullWidthLatin(c))
            {
                findings.Add(new Finding(Code, Severity.Warning, FieldPaths.Name, true));
                return;
            }
        }
    }
}
