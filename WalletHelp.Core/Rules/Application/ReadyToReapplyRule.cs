using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-READY: Nothing blocks: the re-apply steps. Runs last.</summary>
public sealed class ReadyToReapplyRule : IRule
{
    public string Code => "AP-READY";

    public RuleTopics Topic => RuleTopics.Ready;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (!context.HasBlocking())
            findings.Add(new Finding(Code, Severity.Info, null, true));
    }
}
