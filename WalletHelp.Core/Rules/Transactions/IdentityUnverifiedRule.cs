using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>SY-IDENTITY-UNVERIFIED: The wallet's identity check is pending or failed: balance and transactions fail until documents are supplemented.</summary>
public sealed class IdentityUnverifiedRule() : Rule("SY-IDENTITY-UNVERIFIED", RuleTopics.IdentityStatus, Severity.Blocking, order: 3040, faq: [FaqSlugs.Identity, FaqSlugs.Risk])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Application?.IdentityStatus is IdentityStatus.Pending or IdentityStatus.Failed)
        {
            findings.Add(NewFinding(FieldPaths.IdentityStatus,
                RuleArgs.Of("status", Codes.ToKebab(context.Input.Application.IdentityStatus.Value))));
        }
    }
}
