using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Transactions;

/// <summary>SY-IDENTITY-UNVERIFIED: The wallet's identity check is pending or failed: balance and transactions fail until documents are supplemented.</summary>
public sealed class IdentityUnverifiedRule : IRule
{
    public string Code => "SY-IDENTITY-UNVERIFIED";

    public RuleTopics Topic => RuleTopics.IdentityStatus;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Application?.IdentityStatus is IdentityStatus.Pending or IdentityStatus.Failed)
        {
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdentityStatus, true,
                RuleArgs.Of("status", Codes.ToKebab(context.Input.Application.IdentityStatus.Value))));
        }
    }
}
