using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-NETWORK: The in-browser connectivity check failed or was slow.</summary>
public sealed class NetworkCheckRule() : Rule("AP-NETWORK", RuleTopics.Service, Severity.Warning, order: 4100, faq: [FaqSlugs.Network])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Application?.NetworkCheck is NetworkCheck.Failed or NetworkCheck.Slow)
        {
            findings.Add(NewFinding(FieldPaths.NetworkCheck,
                RuleArgs.Of("result", Codes.ToKebab(context.Input.Application.NetworkCheck.Value))));
        }
    }
}
