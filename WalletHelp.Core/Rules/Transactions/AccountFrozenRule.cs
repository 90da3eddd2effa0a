using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>SY-FROZEN: The account is frozen (application.accountFrozen), or the symptom is <c>account-frozen</c> and the person did not
/// say otherwise: only customer service can lift it.</summary>
public sealed class AccountFrozenRule : IRule
{
    public string Code => "SY-FROZEN";

    public RuleTopics Topic => RuleTopics.Frozen;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var frozen = context.Input.Application?.AccountFrozen;
        if (frozen == true || (frozen is null && context.Input.Symptom == Symptom.AccountFrozen))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.AccountFrozen, false));
    }
}
