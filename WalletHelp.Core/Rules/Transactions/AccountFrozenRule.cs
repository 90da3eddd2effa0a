using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>SY-FROZEN: The account is frozen (application.accountFrozen), or the symptom is <c>account-frozen</c> and the person did not
/// say otherwise: only customer service can lift it.</summary>
public sealed class AccountFrozenRule() : Rule("SY-FROZEN", RuleTopics.Frozen, Severity.Blocking, order: 3050, selfService: false, faq: [FaqSlugs.Support, FaqSlugs.Security])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var frozen = context.Input.Application?.AccountFrozen;
        if (frozen == true || (frozen is null && context.Input.Symptom == Symptom.AccountFrozen))
            findings.Add(NewFinding(FieldPaths.AccountFrozen));
    }
}
