using System.Text;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-CHARS: Characters other than CJK ideographs (incl. Extensions A–B) and the middle dot, or, for a Latin-script name,
/// letters and single spaces. Wrong dots and whitespace in Chinese names are left to PI-NAME-DOT and PI-NAME-WHITESPACE.</summary>
public sealed class NameCharactersRule() : Rule("PI-NAME-CHARS", RuleTopics.Name, Severity.Blocking, order: 1030)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrWhiteSpace(name)) return;
        var text = name.AsSpan().Trim();
        var chinese = NameText.ContainsCjk(text);
        var previousSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (Rune.IsWhiteSpace(rune))
            {
                // A doubled space in a Latin name is not a "single space"; in a Chinese name PI-NAME-WHITESPACE reports it.
                if (!chinese && value != 0x3000 && previousSpace)
                {
                    findings.Add(NewFinding(FieldPaths.Name, RuleArgs.Of("character", " ")));
                    return;
                }
                previousSpace = true;
                continue;
            }
            previousSpace = false;
            var isDot = value < 0x10000 && (NameText.IsWrongDot((char)value) || value == NameText.MiddleDot);
            var allowed = isDot || (chinese ? NameText.IsCjk(value) : value < 0x10000 && NameText.IsLatinLetter((char)value));
            if (!allowed)
            {
                findings.Add(NewFinding(FieldPaths.Name, RuleArgs.Of("character", rune.ToString())));
                return;
            }
        }
    }
}
