using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-DUPLICATE: The rejection message says a wallet already exists for this person or phone.</summary>
public sealed class DuplicateWalletRule : IRule
{
    public string Code => "AP-DUPLICATE";

    public RuleTopics Topic => RuleTopics.Review;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (MessageText.ContainsAny(context.Input.Application?.RejectionMessage, ["已开立", "已存在", "已注册", "already exists", "already registered"]))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.RejectionMessage, false));
    }
}
