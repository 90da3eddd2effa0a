using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-DUPLICATE: The rejection message says a wallet already exists for this person or phone.</summary>
public sealed class DuplicateWalletRule() : Rule("AP-DUPLICATE", RuleTopics.Review, Severity.Blocking, order: 4080, selfService: false, faq: [FaqSlugs.Support, FaqSlugs.Security])
{
    private static readonly MessageKeywords Keywords = new(["已开立", "已存在", "已注册"], ["already exists", "already registered"]);

    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (Keywords.Match(context.Input.Application?.RejectionMessage))
            findings.Add(NewFinding(FieldPaths.RejectionMessage));
    }
}
