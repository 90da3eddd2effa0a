namespace WalletHelp.Core.Diagnostics;

/// <summary>One catalogue rule. Rules are stateless and never throw for bad input: bad input is a finding.</summary>
public interface IRule
{
    /// <summary>The stable catalogue code (RULES.md).</summary>
    string Code { get; }

    /// <summary>The rule group; the rule runs when the symptom's <see cref="SymptomFlow.Topics"/> include it.</summary>
    RuleTopics Topic { get; }

    /// <summary>Adds zero or more findings.</summary>
    void Evaluate(RuleContext context, ICollection<Finding> findings);
}
