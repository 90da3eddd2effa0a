using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-MISSING: The ID number is empty.</summary>
public sealed class IdMissingRule : IRule
{
    public string Code => "PI-ID-MISSING";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.IdNumber.Length == 0)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true));
    }
}
