using System.Text;
using System.Text.RegularExpressions;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// Everyday wording → the wording of the articles. Finds the synonym groups a query mentions (longest term first, as a
/// substring for Chinese and as whole words for Latin terms), and offers (1) the query rewritten with the other terms of
/// each group, and (2) its "concepts" — each group and each remaining word — for a partial-match ranking.
/// </summary>
public static partial class FaqQueryExpander
{
    public const int MaxAlternatives = 12;
    private const int MaxGroupsPerQuery = 3;

    private sealed record Match(int Start, int Length, IReadOnlyList<string> Group, string Term);

    /// <summary>The query rewritten with synonyms (the original excluded), most direct first.</summary>
    public static IReadOnlyList<string> Alternatives(string query, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var text = Normalize(query);
        var matches = FindMatches(text, groups);
        if (matches.Count == 0) return [];
        var results = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { text };
        // One group rewritten at a time first (closest to what was typed), then every combination.
        foreach (var m in matches)
        {
            foreach (var term in m.Group)
            {
                var rewritten = Replace(text, [(m, term)]);
                if (seen.Add(rewritten)) results.Add(rewritten);
            }
        }
        if (matches.Count > 1)
        {
            IEnumerable<List<(Match, string)>> combos = [[]];
            foreach (var m in matches)
            {
                combos = combos.SelectMany(c => m.Group.Select(t => new List<(Match, string)>(c) { (m, t) }));
            }
            foreach (var combo in combos.Take(MaxAlternatives * 4))
            {
                var rewritten = Replace(text, combo);
                if (seen.Add(rewritten)) results.Add(rewritten);
            }
        }
        return [.. results.Take(MaxAlternatives)];
    }

    /// <summary>
    /// The query's concepts: each synonym group it mentions (any of its terms counts) and each remaining search term.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Concepts(string query, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var text = Normalize(query);
        var matches = FindMatches(text, groups);
        var concepts = new List<IReadOnlyList<string>>();
        var rest = new StringBuilder(text);
        foreach (var m in matches)
        {
            concepts.Add(m.Group);
            for (var i = m.Start; i < m.Start + m.Length; i++) rest[i] = ' ';
        }
        foreach (var term in FaqSearchIndex.Terms(rest.ToString()))
        {
            concepts.Add([term]);
        }
        return concepts;
    }

    private static string Normalize(string query) =>
        WhiteSpace().Replace(query.Normalize(NormalizationForm.FormKC).Trim(), " ");

    private static List<Match> FindMatches(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var candidates = new List<Match>();
        foreach (var group in groups)
        {
            foreach (var term in group.OrderByDescending(t => t.Length))
            {
                var at = IndexOf(text, term);
                if (at >= 0)
                {
                    candidates.Add(new Match(at, term.Length, group, term));
                    break;
                }
            }
        }
        // Longest first; a term inside another group's match ("身份证" inside "身份证号") does not count twice.
        var taken = new List<Match>();
        foreach (var m in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Start))
        {
            if (taken.Any(t => m.Start < t.Start + t.Length && t.Start < m.Start + m.Length)) continue;
            taken.Add(m);
            if (taken.Count == MaxGroupsPerQuery) break;
        }
        return taken;
    }

    /// <summary>Case-insensitive; Latin terms only at word boundaries ("sms" not inside "smsx").</summary>
    private static int IndexOf(string text, string term)
    {
        if (term.Length == 0) return -1;
        var start = 0;
        while (start <= text.Length - term.Length)
        {
            var at = text.IndexOf(term, start, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            var before = at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]) || !char.IsAsciiLetterOrDigit(term[0]);
            var end = at + term.Length;
            var after = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]) || !char.IsAsciiLetterOrDigit(term[^1]);
            if (before && after) return at;
            start = at + 1;
        }
        return -1;
    }

    private static string Replace(string text, IReadOnlyList<(Match Match, string Term)> replacements)
    {
        var sb = new StringBuilder(text);
        foreach (var (m, term) in replacements.OrderByDescending(r => r.Match.Start))
        {
            sb.Remove(m.Start, m.Length).Insert(m.Start, term);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
