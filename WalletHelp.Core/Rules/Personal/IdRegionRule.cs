using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-REGION: The first two digits are not a province-level region code.</summary>
public sealed class IdRegionRule : IRule
{
    public string Code => "PI-ID-REGION";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsWellFormed && !context.Id.RegionValid)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true, RuleArgs.Of("region", context.Input.IdNumber[..2])));
    }
}
