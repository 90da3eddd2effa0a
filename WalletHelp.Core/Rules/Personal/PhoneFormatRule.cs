using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-FORMAT: Not a mainland mobile number (1[3-9] + 9 digits) after normalisation; 13-digit IoT numbers are PI-PHONE-DATAONLY instead.</summary>
public sealed class PhoneFormatRule() : Rule("PI-PHONE-FORMAT", RuleTopics.Phone, Severity.Blocking, order: 1200)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var phone = context.Input.Phone;
        if (phone.Length > 0 && !PhoneText.IsMobile(phone) && !PhoneText.IsIotNumber(phone))
            findings.Add(NewFinding(FieldPaths.Phone));
    }
}
