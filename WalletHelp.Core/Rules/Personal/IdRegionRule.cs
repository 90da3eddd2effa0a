using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-REGION: The first two digits are not a province-level region code.</summary>
public sealed class IdRegionRule() : Rule("PI-ID-REGION", RuleTopics.Id, Severity.Blocking, order: 1120)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsWellFormed && !context.Id.RegionValid)
            findings.Add(NewFinding(FieldPaths.IdNumber, RuleArgs.Of("region", context.Input.IdNumber[..2])));
    }
}
