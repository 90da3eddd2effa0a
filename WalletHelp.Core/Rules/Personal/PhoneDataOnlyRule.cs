using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-DATAONLY: Data-only / IoT segments (145, 147, 149, 13-digit 14x numbers) cannot receive SMS codes.</summary>
public sealed class PhoneDataOnlyRule() : Rule("PI-PHONE-DATAONLY", RuleTopics.Phone, Severity.Blocking, order: 1220)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var phone = context.Input.Phone;
        if ((PhoneText.IsMobile(phone) && PhoneText.HasSegment(phone, ["145", "147", "149"])) || PhoneText.IsIotNumber(phone))
            findings.Add(NewFinding(FieldPaths.Phone, RuleArgs.Of("segment", phone[..3])));
    }
}
