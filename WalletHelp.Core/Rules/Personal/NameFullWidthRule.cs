using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-FULLWIDTH: Full-width Latin letters (Ａ–Ｚ, ａ–ｚ) in the name.</summary>
public sealed class NameFullWidthRule() : Rule("PI-NAME-FULLWIDTH", RuleTopics.Name, Severity.Warning, order: 1060)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrEmpty(name)) return;
        foreach (var c in name)
        {
            if (NameText.IsFullWidthLatin(c))
            {
                findings.Add(NewFinding(FieldPaths.Name));
                return;
            }
        }
    }
}
