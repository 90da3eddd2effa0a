using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-MISSING: The name is empty (or the personal section is missing when the symptom needs it); not for wallet
/// class 4, which is opened with a mobile number alone.</summary>
public sealed class NameMissingRule() : Rule("PI-NAME-MISSING", RuleTopics.Name, Severity.Blocking, order: 1010)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(context.Input.Personal?.Name) && context.Input.WalletClass != 4)
            findings.Add(NewFinding(FieldPaths.Name));
    }
}
