using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-MISSING: The ID number is empty; not for wallet class 4 (anonymous: a mobile number alone).</summary>
public sealed class IdMissingRule() : Rule("PI-ID-MISSING", RuleTopics.Id, Severity.Blocking, order: 1070)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.IdNumber.Length == 0 && context.Input.WalletClass != 4)
            findings.Add(NewFinding(FieldPaths.IdNumber));
    }
}
