using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-LOWERCASE-X: A valid number ending in a lowercase x.</summary>
public sealed class IdLowercaseXRule() : Rule("PI-ID-LOWERCASE-X", RuleTopics.Id, Severity.Warning, order: 1100, faq: [FaqSlugs.CheckDigit, FaqSlugs.Personal])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.IsWellFormed && id.ChecksumValid && id.ActualCheck == 'x')
            findings.Add(NewFinding(FieldPaths.IdNumber));
    }
}
