using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-LEGACY: A 15-digit first-generation ID number (reported instead of PI-ID-FORMAT).</summary>
public sealed class IdLegacyRule : IRule
{
    public string Code => "PI-ID-LEGACY";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsLegacy)
            findings.Add(new Finding(Code, Severity.Blocking, FieldPaths.IdNumber, true));
    }
}
