using System.Collections.Frozen;

namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// The rule catalogue (docs/rules.md): its version and every <see cref="Rule"/> class of this assembly, found once at
/// start and sorted by <see cref="Rule.Order"/>. Rules are stateless, so the instances are shared.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Stored with every diagnosis so a result can be traced to the rules that produced it.</summary>
    public const string Version = "2026.11.1";

    private static readonly FrozenDictionary<string, Rule> ByCode;

    static RuleCatalog()
    {
        Rules = [.. typeof(Rule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Order)];
        ByCode = Rules.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        Codes = [.. Rules.Select(r => r.Code)];
    }

    /// <summary>One instance of every rule, in run order.</summary>
    public static IReadOnlyList<Rule> Rules { get; }

    /// <summary>Every catalogue code, in run order.</summary>
    public static IReadOnlyList<string> Codes { get; }

    /// <summary>The rule with this code, or null for an unknown code (e.g. a stored result from a newer rule set).</summary>
    public static Rule? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The related FAQ slugs of a code; unknown codes point to customer service.</summary>
    public static IReadOnlyList<string> FaqFor(string code) => Find(code)?.Faq ?? [FaqSlugs.Support];
}
