using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-UNDERAGE: Younger than <see cref="DiagnosticsOptions.MinimumAge"/> today (China time).</summary>
public sealed class IdUnderageRule() : Rule("PI-ID-UNDERAGE", RuleTopics.Id, Severity.Blocking, order: 1140, faq: [FaqSlugs.Personal, FaqSlugs.Classes])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.BirthDate is not { } birth) return;
        var today = context.Today;
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age)) age--;
        if (age < context.Options.MinimumAge)
            findings.Add(NewFinding(FieldPaths.IdNumber, RuleArgs.Of("minimumAge", RuleArgs.Number(context.Options.MinimumAge))));
    }
}
