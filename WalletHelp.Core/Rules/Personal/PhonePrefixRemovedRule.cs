using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-PHONE-PREFIX: Normalisation removed a +86 / 0086 prefix, spaces or dashes (or converted full-width digits).</summary>
public sealed class PhonePrefixRemovedRule : IRule
{
    private const NumberChanges Changes = NumberChanges.CountryPrefix | NumberChanges.Spaces | NumberChanges.Dashes | NumberChanges.FullWidth;

    public string Code => "PI-PHONE-PREFIX";

    public RuleTopics Topic => RuleTopics.Phone;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Input.Phone.Length > 0 && (context.Input.PhoneChanges & Changes) != 0)
            findings.Add(new Finding(Code, Severity.Info, FieldPaths.Phone, true));
    }
}
