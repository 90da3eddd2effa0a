using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-BIRTHDATE: Digits 7–14 are not a real date, are in the future, or are before 1900-01-01.</summary>
public sealed class IdBirthDateRule : IRule
{
    public string Code => "PI-ID-BIRTHDATE";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsWellFormed && context.Id.BirthDate is null)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true, RuleArgs.Of("digits", context.Input.IdNumber.Substring(6, 8))));
    }
}
