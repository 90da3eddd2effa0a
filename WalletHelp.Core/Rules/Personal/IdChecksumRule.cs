using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-CHECKSUM: The 18th character is not the ISO 7064 MOD 11-2 check character of the first 17 digits. Args: <c>expected</c>,
/// <c>actual</c>, <c>position</c> (always 18) — never the number itself.</summary>
public sealed class IdChecksumRule() : Rule("PI-ID-CHECKSUM", RuleTopics.Id, Severity.Blocking, order: 1110, faq: [FaqSlugs.CheckDigit, FaqSlugs.Personal])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.IsWellFormed && !id.ChecksumValid)
        {
            findings.Add(NewFinding(FieldPaths.IdNumber, RuleArgs.Of(
                ("expected", id.ExpectedCheck.ToString()),
                ("actual", id.ActualCheck.ToString()),
                ("position", "18"))));
        }
    }
}
