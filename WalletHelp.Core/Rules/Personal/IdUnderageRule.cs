using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-UNDERAGE: Younger than <see cref="DiagnosticsOptions.MinimumAge"/> today (China time).</summary>
public sealed class IdUnderageRule : IRule
{
    public string Code => "PI-ID-UNDERAGE";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.BirthDate is not { } birth) return;
        var today = context.Today;
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age)) age--;
        if (age < context.Options.MinimumAge)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true, RuleArgs.Of("minimumAge", RuleArgs.Number(context.Options.MinimumAge))));
    }
}
