using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-MISSING: The phone number is empty.</summary>
public sealed class PhoneMissingRule() : Rule("PI-PHONE-MISSING", RuleTopics.Phone, Severity.Blocking, order: 1190)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Phone.Length == 0)
            findings.Add(NewFinding(FieldPaths.Phone));
    }
}
