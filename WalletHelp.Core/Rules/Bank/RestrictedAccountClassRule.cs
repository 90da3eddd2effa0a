using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-ACCOUNT-CLASS: A Class II/III bank account (二类/三类户): binding and top-up limits apply.</summary>
public sealed class RestrictedAccountClassRule : IRule
{
    public string Code => "BK-ACCOUNT-CLASS";

    public RuleTopics Topic => RuleTopics.Bank;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Bank?.AccountClass is 2 or 3)
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.AccountClass, true, RuleArgs.Of("accountClass", RuleArgs.Number(context.Input.Bank.AccountClass.Value))));
    }
}
