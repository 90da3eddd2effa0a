using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-MISSING: The ID number is empty; not for wallet class 4 (anonymous: a mobile number alone).</summary>
public sealed class IdMissingRule : IRule
{
    public string Code => "PI-ID-MISSING";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.IdNumber.Length == 0 && context.Input.WalletClass != 4)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true));
    }
}
