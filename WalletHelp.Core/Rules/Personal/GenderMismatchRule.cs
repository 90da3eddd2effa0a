using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-GENDER-MISMATCH: The gender entered differs from the ID number's 17th digit (odd male, even female).</summary>
public sealed class GenderMismatchRule : IRule
{
    public string Code => "PI-GENDER-MISMATCH";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var entered = context.Input.Personal?.Gender;
        if (entered is { } gender && context.Id.Gender is { } fromId && gender != fromId)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.Gender, true));
    }
}
