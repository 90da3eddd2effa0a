using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-BIRTHDATE: Digits 7–14 are not a real date, are in the future, or are before 1900-01-01.</summary>
public sealed class IdBirthDateRule() : Rule("PI-ID-BIRTHDATE", RuleTopics.Id, Severity.Blocking, order: 1130)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsWellFormed && context.Id.BirthDate is null)
            findings.Add(NewFinding(FieldPaths.IdNumber, RuleArgs.Of("digits", context.Input.IdNumber.Substring(6, 8))));
    }
}
