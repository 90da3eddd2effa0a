using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-DOT: A name joined with the wrong dot (. • ・ ． -), or "·" at the start, at the end or doubled.</summary>
public sealed class NameDotRule() : Rule("PI-NAME-DOT", RuleTopics.Name, Severity.Blocking, order: 1040)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrWhiteSpace(name)) return;
        var text = name.AsSpan().Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NameText.IsWrongDot(c))
            {
                findings.Add(NewFinding(FieldPaths.Name, RuleArgs.Of("found", c.ToString())));
                return;
            }
            if (c == NameText.MiddleDot && (i == 0 || i == text.Length - 1 || text[i - 1] == NameText.MiddleDot))
            {
                findings.Add(NewFinding(FieldPaths.Name, RuleArgs.Of("found", "·")));
                return;
            }
        }
    }
}
