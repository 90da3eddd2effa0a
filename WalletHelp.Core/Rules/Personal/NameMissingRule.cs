using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-NAME-MISSING: The name is empty (or the personal section is missing when the symptom needs it).</summary>
public sealed class NameMissingRule() : Rule("PI-NAME-MISSING", RuleTopics.Name, Severity.Blocking, order: 1010)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(context.Input.Personal?.Name))
            findings.Add(NewFinding(FieldPaths.Name));
    }
}
