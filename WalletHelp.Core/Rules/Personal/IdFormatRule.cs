using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-FORMAT: Not 17 digits followed by a digit or X. Checksum, region and birth-date rules only run on a well-formed number.</summary>
public sealed class IdFormatRule() : Rule("PI-ID-FORMAT", RuleTopics.Id, Severity.Blocking, order: 1090)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.Present && !id.IsLegacy && !id.IsWellFormed)
        {
            findings.Add(NewFinding(FieldPaths.IdNumber,
                RuleArgs.Of("length", RuleArgs.Number(context.Input.IdNumber.Length))));
        }
    }
}
