using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-LEGACY: A 15-digit first-generation ID number (reported instead of PI-ID-FORMAT).</summary>
public sealed class IdLegacyRule() : Rule("PI-ID-LEGACY", RuleTopics.Id, Severity.Blocking, order: 1080, faq: [FaqSlugs.Personal, FaqSlugs.Identity])
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsLegacy)
            findings.Add(NewFinding(FieldPaths.IdNumber));
    }
}
