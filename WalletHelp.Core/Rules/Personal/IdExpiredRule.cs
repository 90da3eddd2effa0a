using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-EXPIRED: The ID card expired before today ("long-term" cards never expire).</summary>
public sealed class IdExpiredRule : IRule
{
    public string Code => "PI-ID-EXPIRED";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var personal = context.Input.Personal;
        if (personal is null || personal.IdLongTerm || personal.IdExpiry is not { } expiry) return;
        if (expiry < context.Today)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdExpiry, true, RuleArgs.Of("expiry", RuleArgs.Date(expiry))));
    }
}
