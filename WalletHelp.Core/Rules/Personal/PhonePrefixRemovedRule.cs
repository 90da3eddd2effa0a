using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-PREFIX: Normalisation removed a +86 / 0086 prefix, spaces or dashes (or converted full-width digits).</summary>
public sealed class PhonePrefixRemovedRule() : Rule("PI-PHONE-PREFIX", RuleTopics.Phone, Severity.Info, order: 1210)
{
    private const NumberChanges Changes = NumberChanges.CountryPrefix | NumberChanges.Spaces | NumberChanges.Dashes | NumberChanges.FullWidth;

    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Phone.Length > 0 && (context.Input.PhoneChanges & Changes) != 0)
            findings.Add(NewFinding(FieldPaths.Phone));
    }
}
