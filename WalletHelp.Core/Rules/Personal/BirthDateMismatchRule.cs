using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-BIRTH-MISMATCH: The birth date entered differs from the one in the ID number.</summary>
public sealed class BirthDateMismatchRule : IRule
{
    public string Code => "PI-BIRTH-MISMATCH";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var entered = context.Input.Personal?.BirthDate;
        if (entered is { } date && context.Id.BirthDate is { } fromId && date != fromId)
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.BirthDate, true,
                RuleArgs.Of(("entered", RuleArgs.Date(date)), ("idDate", RuleArgs.Date(fromId)))));
        }
    }
}
