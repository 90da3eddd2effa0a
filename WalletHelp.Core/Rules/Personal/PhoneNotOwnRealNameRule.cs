using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-NOT-OWN: The person says the phone number is not registered under their own real name.</summary>
public sealed class PhoneNotOwnRealNameRule : IRule
{
    public string Code => "PI-PHONE-NOT-OWN";

    public RuleTopics Topic => RuleTopics.Phone;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Personal?.PhoneIsOwnRealName == false)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.PhoneIsOwnRealName, true));
    }
}
