using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-MISSING: The phone number is empty.</summary>
public sealed class PhoneMissingRule : IRule
{
    public string Code => "PI-PHONE-MISSING";

    public RuleTopics Topic => RuleTopics.Phone;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Phone.Length == 0)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.Phone, true));
    }
}
