using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-DUPLICATE: The rejection message says a wallet already exists for this person or phone.</summary>
public sealed class DuplicateWalletRule : IRule
{
    private static readonly MessageKeywords Keywords = new(["已开立", "已存在", "已注册"], ["already exists", "already registered"]);

    public string Code => "AP-DUPLICATE";

    public RuleTopics Topic => RuleTopics.Review;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.RejectionMessage, false));
    }
}
