using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-BIRTH-MISMATCH: The birth date entered differs from the one in the ID number.</summary>
public sealed class BirthDateMismatchRule() : Rule("PI-BIRTH-MISMATCH", RuleTopics.Id, Severity.Blocking, order: 1170)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var entered = context.Input.Personal?.BirthDate;
        if (entered is { } date && context.Id.BirthDate is { } fromId && date != fromId)
        {
            findings.Add(NewFinding(FieldPaths.BirthDate,
                RuleArgs.Of(("entered", RuleArgs.Date(date)), ("idDate", RuleArgs.Date(fromId)))));
        }
    }
}
