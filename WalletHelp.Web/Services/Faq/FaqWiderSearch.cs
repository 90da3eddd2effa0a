using System.Data.Common;

namespace WalletHelp.Web.Services.Faq;

/// <summary>The FAQ search's fallback when the query's terms do not all match (<see cref="FaqService.SearchAsync"/>).</summary>
public static class FaqWiderSearch
{
    /// <summary>
    /// When every term does not match: first the query in the articles' own words (synonyms, e.g. 绑卡失败 →
    /// 银行卡绑定失败), then a partial match — articles ranked by how many of the query's concepts (a synonym group or
    /// a word) they contain, title matches first — so an empty answer is rare. <paramref name="groups"/> are the synonym
    /// groups (<see cref="FaqSynonymService.GroupsAsync"/>). Static over a connection so the benchmark measures this code.
    /// </summary>
    public static async Task<IReadOnlyList<FaqSearchHit>> SearchAsync(DbConnection connection, string query, string lang,
        string? categorySlug, int limit, IReadOnlyList<IReadOnlyList<string>> groups, CancellationToken cancellationToken = default)
    {
        var found = new List<FaqSearchHit>();
        var ids = new HashSet<int>();
        foreach (var alternative in FaqQueryExpander.Alternatives(query, groups))
        {
            foreach (var hit in await FaqSearchIndex.SearchAsync(connection, alternative, lang, categorySlug, limit, cancellationToken))
            {
                if (ids.Add(hit.ArticleId)) found.Add(hit);
            }
            if (found.Count >= limit) return found[..limit];
        }
        if (found.Count > 0) return found;

        // Latin words under three letters ("or", "to") match nearly everything: they do not make a concept.
        var concepts = FaqQueryExpander.Concepts(query, groups)
            .Where(c => c.Count > 1 || c[0].Length >= 3 || !c[0].All(char.IsAsciiLetterOrDigit))
            .ToList();
        if (concepts.Count < 2)
        {
            return [];
        }
        var scores = new Dictionary<int, (int Concepts, bool Title, int First, FaqSearchHit Hit)>();
        var order = 0;
        foreach (var concept in concepts)
        {
            var credited = new HashSet<int>();
            foreach (var term in concept)
            {
                foreach (var hit in await FaqSearchIndex.SearchAsync(connection, term, lang, categorySlug, limit, cancellationToken))
                {
                    if (!credited.Add(hit.ArticleId)) continue;
                    scores[hit.ArticleId] = scores.TryGetValue(hit.ArticleId, out var s)
                        ? (s.Concepts + 1, s.Title || hit.TitleMatch, s.First, s.Hit)
                        : (1, hit.TitleMatch, order++, hit);
                }
            }
        }
        // A partial match must cover at least half of what was asked.
        return [.. scores.Values
            .Where(s => s.Concepts * 2 >= concepts.Count)
            .OrderByDescending(s => s.Concepts).ThenByDescending(s => s.Title).ThenBy(s => s.First)
            .Take(limit).Select(s => s.Hit)];
    }
}
