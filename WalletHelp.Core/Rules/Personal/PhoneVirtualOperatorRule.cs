using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-VIRTUAL: Virtual-operator segments (162, 165, 167, 170, 171), which some operators refuse.</summary>
public sealed class PhoneVirtualOperatorRule : IRule
{
    public string Code => "PI-PHONE-VIRTUAL";

    public RuleTopics Topic => RuleTopics.Phone;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var phone = context.Input.Phone;
        if (PhoneText.IsMobile(phone) && PhoneText.HasSegment(phone, ["162", "165", "167", "170", "171"]))
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.Phone, true, RuleArgs.Of("segment", phone[..3])));
    }
}
