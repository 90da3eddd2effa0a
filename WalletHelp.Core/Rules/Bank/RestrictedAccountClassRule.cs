using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Bank;

/// <summary>BK-ACCOUNT-CLASS: A Class II/III bank account (二类/三类户): binding and top-up limits apply.</summary>
public sealed class RestrictedAccountClassRule() : Rule("BK-ACCOUNT-CLASS", RuleTopics.Bank, Severity.Warning, order: 2130, faq: [FaqSlugs.Classes, FaqSlugs.Card])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Bank?.AccountClass is 2 or 3)
            findings.Add(NewFinding(FieldPaths.AccountClass, RuleArgs.Of("accountClass", RuleArgs.Number(context.Input.Bank.AccountClass.Value))));
    }
}
