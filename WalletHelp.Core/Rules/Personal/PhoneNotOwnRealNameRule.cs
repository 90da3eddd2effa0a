using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-NOT-OWN: The person says the phone number is not registered under their own real name.</summary>
public sealed class PhoneNotOwnRealNameRule() : Rule("PI-PHONE-NOT-OWN", RuleTopics.Phone, Severity.Blocking, order: 1240, faq: [FaqSlugs.Personal, FaqSlugs.Identity])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Personal?.PhoneIsOwnRealName == false)
            findings.Add(NewFinding(FieldPaths.PhoneIsOwnRealName));
    }
}
