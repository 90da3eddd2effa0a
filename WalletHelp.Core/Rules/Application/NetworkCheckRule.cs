using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Application;

/// <summary>AP-NETWORK: The in-browser connectivity check failed or was slow.</summary>
public sealed class NetworkCheckRule : IRule
{
    public string Code => "AP-NETWORK";

    public RuleTopics Topic => RuleTopics.Service;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Application?.NetworkCheck is NetworkCheck.Failed or NetworkCheck.Slow)
        {
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.NetworkCheck, true,
                RuleArgs.Of("result", Codes.ToKebab(context.Input.Application.NetworkCheck.Value))));
        }
    }
}
