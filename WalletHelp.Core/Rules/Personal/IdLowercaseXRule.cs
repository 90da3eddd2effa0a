using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>PI-ID-LOWERCASE-X: A valid number ending in a lowercase x.</summary>
public sealed class IdLowercaseXRule : IRule
{
    public string Code => "PI-ID-LOWERCASE-X";

    public RuleTopics Topic => RuleTopics.Id;

    public void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        var id = context.Id;
        if (id.IsWellFormed && id.ChecksumValid && id.ActualCheck == 'x')
            findings.Add(new Finding(Code, Severity.Warning, FieldPaths.IdNumber, true));
    }
}
