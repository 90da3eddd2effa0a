using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-PHONE-MISMATCH: The phone reserved at the bank (银行预留手机号) differs from the application phone. Args hold the last four digits only.</summary>
public sealed class ReservedPhoneMismatchRule() : Rule("BK-PHONE-MISMATCH", RuleTopics.Bank, Severity.Blocking, order: 2090, faq: [FaqSlugs.ReservedPhone, FaqSlugs.Card])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var reserved = context.Input.ReservedPhone;
        var phone = context.Input.Phone;
        if (reserved.Length > 0 && phone.Length > 0 && !string.Equals(reserved, phone, StringComparison.Ordinal))
        {
            findings.Add(NewFinding(FieldPaths.ReservedPhone,
                RuleArgs.Of(("reservedEnding", RuleArgs.Ending(reserved)), ("phoneEnding", RuleArgs.Ending(phone)))));
        }
    }
}
