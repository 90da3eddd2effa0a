using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-FORMAT: Not 17 digits followed by a digit or X. Checksum, region and birth-date rules only run on a well-formed number.</summary>
public sealed class IdFormatRule : IRule
{
    public string Code => "PI-ID-FORMAT";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.Present && !id.IsLegacy && !id.IsWellFormed)
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true,
                RuleArgs.Of("length", RuleArgs.Number(context.Input.IdNumber.Length))));
        }
    }
}
