using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-GENDER-MISMATCH: The gender entered differs from the ID number's 17th digit (odd male, even female).</summary>
public sealed class GenderMismatchRule() : Rule("PI-GENDER-MISMATCH", RuleTopics.Id, Severity.Blocking, order: 1180)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var entered = context.Input.Personal?.Gender;
        if (entered is { } gender && context.Id.Gender is { } fromId && gender != fromId)
            findings.Add(NewFinding(FieldPaths.Gender));
    }
}
