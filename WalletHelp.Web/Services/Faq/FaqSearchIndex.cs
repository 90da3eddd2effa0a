using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WalletHelp.Web.Services.Faq;

/// <summary>One search hit: plain-text title and snippet (the UI highlights; nothing here is HTML).</summary>
public sealed record FaqSearchHit(int ArticleId, string Slug, string Title, string Snippet, string Category, DateTime UpdatedAt, bool TitleMatch);

/// <summary>
/// The FAQ full-text index: an FTS5 table with the trigram tokenizer holding the plain text of published
/// articles, one row per article and language (rowid = article id × 2 + language). Plain ADO.NET over the
/// EF connection, so the benchmark runs exactly the same SQL.
/// </summary>
/// <remarks>
/// Trigrams give Chinese substring search from three characters; one- and two-character queries fall back to
/// LIKE over the same table. Terms are ANDed. English terms must start a word (checked after the match,
/// because trigrams match inside words). Hits whose title contains every term sort before body-only hits,
/// each tier by bm25 with the title weighted ten times the body. Only rowids are ranked (rowid encodes the
/// article and language), so ranking thousands of matches never copies article text.
/// </remarks>
public static partial class FaqSearchIndex
{
    public const string TableName = "FaqSearch";

    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS FaqSearch USING fts5(title, body, lang UNINDEXED, article_id UNINDEXED, tokenize='trigram');";

    public const string DropTableSql = "DROP TABLE IF EXISTS FaqSearch;";

    public const int MaxTerms = 8;

    public static long RowId(int articleId, string lang) => (articleId * 2L) + (lang == FaqLanguage.English ? 1 : 0);

    /// <summary>Replaces an article's rows; pass null texts to remove it from the index (draft, deleted).</summary>
    public static async Task UpsertAsync(DbConnection connection, DbTransaction? transaction, int articleId,
        (string Title, string Body)? chinese, (string Title, string Body)? english, CancellationToken cancellationToken = default)
    {
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM FaqSearch WHERE rowid IN ($zh, $en);";
            Add(delete, "$zh", RowId(articleId, FaqLanguage.Chinese));
            Add(delete, "$en", RowId(articleId, FaqLanguage.English));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (lang, text) in new[] { (FaqLanguage.Chinese, chinese), (FaqLanguage.English, english) })
        {
            if (text is not { } t)
            {
                continue;
            }
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO FaqSearch(rowid, title, body, lang, article_id) VALUES ($rowid, $title, $body, $lang, $id);";
            Add(insert, "$rowid", RowId(articleId, lang));
            Add(insert, "$title", t.Title);
            Add(insert, "$body", t.Body);
            Add(insert, "$lang", lang);
            Add(insert, "$id", articleId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Splits a query into at most <see cref="MaxTerms"/> distinct terms (whitespace and punctuation separate them).</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        return Separator().Split(query.Normalize(NormalizationForm.FormKC))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();
    }

    /// <summary>Published hits for <paramref name="query"/> in one language, best first.</summary>
    public static async Task<IReadOnlyList<FaqSearchHit>> SearchAsync(DbConnection connection, string query, string lang,
        string? categorySlug, int limit, CancellationToken cancellationToken = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }
        var ftsTerms = terms.Where(t => t.Length >= 3).ToList();
        await using var cmd = connection.CreateCommand();
        // Over-fetch: terms shorter than three characters and English word starts are checked afterwards.
        Add(cmd, "$n", limit * 3);
        Add(cmd, "$parity", lang == FaqLanguage.English ? 1 : 0);
        var categoryFilter = "";
        if (!string.IsNullOrEmpty(categorySlug))
        {
            categoryFilter = " AND (rowid >> 1) IN (SELECT a.Id FROM FaqArticles a JOIN FaqCategories c ON c.Id = a.CategoryId WHERE c.Slug = $category)";
            Add(cmd, "$category", categorySlug);
        }
        string ranked;
        if (ftsTerms.Count > 0)
        {
            // Rank rowids only (rowid = article id × 2 + language), so the sorter never carries article text;
            // title matches form the first tier, body-only matches the second, each by bm25.
            var match = string.Join(" AND ", ftsTerms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            Add(cmd, "$match", match);
            Add(cmd, "$titleMatch", "{title} : (" + match + ")");
            ranked = $"""
                t AS (SELECT rowid AS rid, 0 AS tier, bm25(FaqSearch, 10.0, 1.0) AS score FROM FaqSearch
                      WHERE FaqSearch MATCH $titleMatch AND (rowid & 1) = $parity{categoryFilter} ORDER BY score LIMIT $n),
                b AS (SELECT rowid AS rid, 1 AS tier, bm25(FaqSearch, 10.0, 1.0) AS score FROM FaqSearch
                      WHERE FaqSearch MATCH $match AND (rowid & 1) = $parity{categoryFilter} AND rowid NOT IN (SELECT rid FROM t)
                      ORDER BY score LIMIT $n),
                ranked AS (SELECT * FROM t UNION ALL SELECT * FROM b)
                """;
        }
        else
        {
            // One- and two-character queries: trigrams cannot help, so LIKE over the indexed text (a scan).
            var conditions = string.Join(" AND ", terms.Select((t, i) => $"(title LIKE $t{i} ESCAPE '\\' OR body LIKE $t{i} ESCAPE '\\')"));
            for (var i = 0; i < terms.Count; i++)
            {
                Add(cmd, $"$t{i}", "%" + EscapeLike(terms[i]) + "%");
            }
            Add(cmd, "$titleLike", "%" + EscapeLike(terms[0]) + "%");
            ranked = $"""
                ranked AS (SELECT rowid AS rid, CASE WHEN title LIKE $titleLike ESCAPE '\' THEN 0 ELSE 1 END AS tier, rowid AS score
                           FROM FaqSearch WHERE (rowid & 1) = $parity{categoryFilter} AND {conditions} ORDER BY tier, rowid LIMIT $n)
                """;
        }
        cmd.CommandText = $"""
            WITH {ranked}
            SELECT a.Id, a.Slug, f.title, f.body, c.Slug, a.UpdatedAt, r.tier
            FROM ranked r
            JOIN FaqSearch f ON f.rowid = r.rid
            JOIN FaqArticles a ON a.Id = (r.rid >> 1)
            JOIN FaqCategories c ON c.Id = a.CategoryId
            WHERE a.Status = 1 AND a.IsDeleted = 0
            ORDER BY r.tier, r.score, a.SortOrder;
            """;

        var hits = new List<FaqSearchHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && hits.Count < limit)
        {
            var title = reader.GetString(2);
            var body = reader.GetString(3);
            if (!AllTermsPresent(terms, title, body))
            {
                continue;
            }
            hits.Add(new FaqSearchHit(reader.GetInt32(0), reader.GetString(1), title, Snippet(body, terms),
                reader.GetString(4), DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc), reader.GetInt64(6) == 0));
        }
        return hits;
    }

    /// <summary>A ~160-character window of <paramref name="body"/> around the first matching term.</summary>
    public static string Snippet(string body, IReadOnlyList<string> terms, int length = 160)
    {
        var index = terms.Select(t => body.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, index - (length / 3));
        if (start > 0)
        {
            var space = body.LastIndexOf(' ', start, Math.Min(start, 20));
            start = space > 0 ? space + 1 : start;
        }
        var end = Math.Min(body.Length, start + length);
        return (start > 0 ? "…" : "") + body[start..end].Trim() + (end < body.Length ? "…" : "");
    }

    /// <summary>Every term occurs; an ASCII term must also start a word (Chinese terms are substrings by design).</summary>
    private static bool AllTermsPresent(IReadOnlyList<string> terms, string title, string body)
    {
        foreach (var term in terms)
        {
            var found = term.All(c => c < 128)
                ? StartsWord(title, term) || StartsWord(body, term)
                : title.Contains(term, StringComparison.OrdinalIgnoreCase) || body.Contains(term, StringComparison.OrdinalIgnoreCase);
            if (!found)
            {
                return false;
            }
        }
        return true;
    }

    private static bool StartsWord(string text, string term)
    {
        for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0;
             i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(term[0]))
            {
                return true;
            }
        }
        return false;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    [GeneratedRegex(@"[\s\p{P}\p{S}-[#+]]+")]
    private static partial Regex Separator();
}
