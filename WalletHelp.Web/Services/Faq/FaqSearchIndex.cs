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
/// because trigrams match inside words). Hits whose title contains the query sort before body-only hits,
/// then by bm25 with the title weighted ten times the body.
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
        var useFts = terms.All(t => t.Length >= 3);
        var phrase = string.Join(' ', terms);
        await using var cmd = connection.CreateCommand();
        var sql = new StringBuilder();
        sql.Append("""
            SELECT a.Id, a.Slug, f.title, f.body, c.Slug, a.UpdatedAt,
                   (f.title LIKE $titleLike ESCAPE '\') AS titleHit
            FROM FaqSearch f
            JOIN FaqArticles a ON a.Id = f.article_id
            JOIN FaqCategories c ON c.Id = a.CategoryId
            WHERE f.lang = $lang AND a.Status = 1 AND a.IsDeleted = 0
            """);
        if (useFts)
        {
            // Each term is quoted as an FTS5 string (double quotes doubled), so user input is never syntax.
            sql.Append(" AND FaqSearch MATCH $match");
            Add(cmd, "$match", string.Join(" AND ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        }
        else
        {
            for (var i = 0; i < terms.Count; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND (f.title LIKE $t{i} ESCAPE '\\' OR f.body LIKE $t{i} ESCAPE '\\')");
                Add(cmd, $"$t{i}", "%" + EscapeLike(terms[i]) + "%");
            }
        }
        if (!string.IsNullOrEmpty(categorySlug))
        {
            sql.Append(" AND c.Slug = $category");
            Add(cmd, "$category", categorySlug);
        }
        sql.Append(useFts
            ? " ORDER BY titleHit DESC, bm25(FaqSearch, 10.0, 1.0), a.SortOrder LIMIT $limit;"
            : " ORDER BY titleHit DESC, c.SortOrder, a.SortOrder LIMIT $limit;");
        Add(cmd, "$titleLike", "%" + EscapeLike(phrase) + "%");
        Add(cmd, "$lang", lang);
        // Over-fetch a little: English word-start filtering below can drop trigram hits inside words.
        Add(cmd, "$limit", limit * 3);
        cmd.CommandText = sql.ToString();

        var hits = new List<FaqSearchHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && hits.Count < limit)
        {
            var title = reader.GetString(2);
            var body = reader.GetString(3);
            if (!AllLatinTermsStartWords(terms, title, body))
            {
                continue;
            }
            hits.Add(new FaqSearchHit(reader.GetInt32(0), reader.GetString(1), title, Snippet(body, terms),
                reader.GetString(4), reader.GetDateTime(5), reader.GetInt64(6) == 1));
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

    private static bool AllLatinTermsStartWords(IReadOnlyList<string> terms, string title, string body)
    {
        foreach (var term in terms)
        {
            if (!term.All(c => c < 128))
            {
                continue; // Chinese (and mixed) terms are substrings by design.
            }
            if (!StartsWord(title, term) && !StartsWord(body, term))
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
