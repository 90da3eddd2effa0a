using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-CLASS-PREREQ: The chosen wallet class needs what was not provided: class 1 is opened in person at a bank; class 2 needs the
/// person's own bank card. Args: <c>walletClass</c>, <c>requirement</c> (<c>in-person</c> | <c>bank-card</c>).</summary>
public sealed class WalletClassPrerequisiteRule() : Rule("AP-CLASS-PREREQ", RuleTopics.Review, Severity.Blocking, order: 4110, faq: [FaqSlugs.Classes, FaqSlugs.Card])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        switch (context.Input.WalletClass)
        {
            case 1:
                findings.Add(NewFinding(FieldPaths.WalletClass,
                    RuleArgs.Of(("walletClass", "1"), ("requirement", "in-person"))));
                break;
            case 2 when context.Input.CardNumber.Length == 0:
                findings.Add(NewFinding(FieldPaths.WalletClass,
                    RuleArgs.Of(("walletClass", "2"), ("requirement", "bank-card"))));
                break;
        }
    }
}
