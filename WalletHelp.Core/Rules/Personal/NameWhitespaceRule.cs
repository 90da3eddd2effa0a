using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-WHITESPACE: Leading/trailing spaces, spaces inside a Chinese name, or the ideographic space U+3000.</summary>
public sealed class NameWhitespaceRule() : Rule("PI-NAME-WHITESPACE", RuleTopics.Name, Severity.Warning, order: 1020)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrWhiteSpace(name)) return;
        var fire = char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || name.Contains('\u3000', StringComparison.Ordinal);
        if (!fire && NameText.ContainsCjk(name))
        {
            foreach (var c in name)
            {
                if (char.IsWhiteSpace(c))
                {
                    fire = true;
                    break;
                }
            }
        }
        if (fire) findings.Add(NewFinding(FieldPaths.Name));
    }
}
