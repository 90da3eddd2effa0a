using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-LENGTH: Fewer than 2 or more than 30 characters (Unicode characters: an Extension B ideograph counts once).</summary>
public sealed class NameLengthRule() : Rule("PI-NAME-LENGTH", RuleTopics.Name, Severity.Blocking, order: 1050)
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var name = context.Input.Personal?.Name;
        if (string.IsNullOrWhiteSpace(name)) return;
        var count = 0;
        foreach (var _ in name.AsSpan().Trim().EnumerateRunes()) count++;
        if (count is < MinLength or > MaxLength)
        {
            findings.Add(NewFinding(FieldPaths.Name,
                RuleArgs.Of(("length", RuleArgs.Number(count)), ("min", "2"), ("max", "30"))));
        }
    }
}
