using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-VIRTUAL: Virtual-operator segments (162, 165, 167, 170, 171), which some operators refuse.</summary>
public sealed class PhoneVirtualOperatorRule() : Rule("PI-PHONE-VIRTUAL", RuleTopics.Phone, Severity.Warning, order: 1230)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var phone = context.Input.Phone;
        if (PhoneText.IsMobile(phone) && PhoneText.HasSegment(phone, ["162", "165", "167", "170", "171"]))
            findings.Add(NewFinding(FieldPaths.Phone, RuleArgs.Of("segment", phone[..3])));
    }
}
