using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-CHECKSUM: The 18th character is not the ISO 7064 MOD 11-2 check character of the first 17 digits. Args: <c>expected</c>,
/// <c>actual</c>, <c>position</c> (always 18) — never the number itself.</summary>
public sealed class IdChecksumRule : IRule
{
    public string Code => "PI-ID-CHECKSUM";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.IsWellFormed && !id.ChecksumValid)
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true, RuleArgs.Of(
                ("expected", id.ExpectedCheck.ToString()),
                ("actual", id.ActualCheck.ToString()),
                ("position", "18"))));
        }
    }
}
