using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Services.Faq;

/// <summary>One search hit: plain-text title and snippet (the UI highlights; nothing here is HTML).</summary>
public sealed record FaqSearchHit(int ArticleId, string Slug, string Title, string Snippet, string Category, DateTimeOffset UpdatedAt, bool TitleMatch);

/// <summary>
/// The FAQ full-text index: two FTS5 tables over the plain text of published articles, one row per article and
/// language with the same rowid in both (rowid = language × 2³² + article id, so one language is a rowid range
/// that FTS5 seeks to). <c>FaqSearch</c> (trigram tokenizer) answers terms of three or more characters;
/// <c>FaqSearchGrams</c> (unicode61 over the Chinese unigrams and bigrams, plus the Latin words) answers queries
/// made only of ASCII words (as word prefixes) and one- and two-character Chinese terms by index lookup. Plain ADO.NET over the EF connection, so the
/// benchmark runs exactly the same SQL.
/// </summary>
/// <remarks>
/// Terms are ANDed. English terms must start a word (checked after the match, because trigrams match inside
/// words). Hits whose title contains every term sort before body-only hits. When at most
/// <see cref="RankAllUpTo"/> rows match, each tier is ordered by bm25 with the title weighted ten times the
/// body. When more match, bm25 would cost time in proportion to the match count, so each tier lists its matches
/// in rowid order, i.e. by article id (oldest first: the seeded articles, in their published order), and FTS5
/// stops walking the doclist at the LIMIT. Only rowids are ranked, so ranking never copies article text.
/// </remarks>
public static partial class FaqSearchIndex
{
    public const string TableName = "FaqSearch";

    public const string GramsTableName = "FaqSearchGrams";

    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS FaqSearch USING fts5(title, body, lang UNINDEXED, article_id UNINDEXED, tokenize='trigram');";

    public const string DropTableSql = "DROP TABLE IF EXISTS FaqSearch;";

    /// <summary>Chinese unigrams and bigrams as space-separated tokens (see <see cref="GramText"/>); Latin words as they are.</summary>
    public const string CreateGramsTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS FaqSearchGrams USING fts5(title, body, tokenize='unicode61');";

    public const string DropGramsTableSql = "DROP TABLE IF EXISTS FaqSearchGrams;";

    public const int MaxTerms = 8;

    /// <summary>Up to this many matches every match is ranked by bm25; beyond it, candidates are taken in rowid order.</summary>
    public const int RankAllUpTo = 500;

    private const long LanguageBlock = 1L << 32;

    public static long RowId(int articleId, string lang) => (lang == Languages.English ? LanguageBlock : 0) + articleId;

    /// <summary>Replaces an article's rows in both tables; pass null texts to remove it from the index (draft, deleted).</summary>
    public static async Task UpsertAsync(DbConnection connection, DbTransaction? transaction, int articleId,
        (string Title, string Body)? chinese, (string Title, string Body)? english, CancellationToken cancellationToken = default)
    {
        if (connection is Npgsql.NpgsqlConnection)
        {
            await PostgresFaqSearch.UpsertAsync(connection, transaction, articleId, chinese, english, cancellationToken);
            return;
        }
        foreach (var table in new[] { TableName, GramsTableName })
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE rowid IN ($zh, $en);";
            Add(delete, "$zh", RowId(articleId, Languages.Chinese));
            Add(delete, "$en", RowId(articleId, Languages.English));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (lang, text) in new[] { (Languages.Chinese, chinese), (Languages.English, english) })
        {
            if (text is not { } t)
            {
                continue;
            }
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO FaqSearch(rowid, title, body, lang, article_id) VALUES ($rowid, $title, $body, $lang, $id);
                INSERT INTO FaqSearchGrams(rowid, title, body) VALUES ($rowid, $gramTitle, $gramBody);
                """;
            Add(insert, "$rowid", RowId(articleId, lang));
            Add(insert, "$title", t.Title);
            Add(insert, "$body", t.Body);
            Add(insert, "$lang", lang);
            Add(insert, "$id", articleId);
            Add(insert, "$gramTitle", GramText(t.Title));
            Add(insert, "$gramBody", GramText(t.Body));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The text indexed in <c>FaqSearchGrams</c>: each run of Chinese characters becomes its single characters
    /// and its overlapping two-character pairs, space-separated ("身份证" → "身 份 证 身份 份证"); everything else
    /// is kept, so unicode61 indexes Latin words and numbers as words.
    /// </summary>
    public static string GramText(string text)
    {
        var sb = new StringBuilder(text.Length * 4);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            var start = i;
            while (i < text.Length && IsCjk(text[i]))
            {
                i++;
            }
            sb.Append(' ');
            for (var j = start; j < i; j++)
            {
                sb.Append(text[j]).Append(' ');
            }
            for (var j = start; j + 1 < i; j++)
            {
                sb.Append(text[j]).Append(text[j + 1]).Append(' ');
            }
        }
        return sb.ToString();
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
        if (connection is Npgsql.NpgsqlConnection)
        {
            return await PostgresFaqSearch.SearchAsync(connection, query, lang, categorySlug, limit, cancellationToken);
        }
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }
        var ftsTerms = terms.Where(t => t.Length >= 3).ToList();
        await using var cmd = connection.CreateCommand();
        // Over-fetch: terms shorter than three characters and English word starts are checked afterwards.
        Add(cmd, "$n", limit * 3);
        var low = RowId(0, lang);
        Add(cmd, "$lo", low);
        Add(cmd, "$hi", low + LanguageBlock - 1);
        var categoryFilter = "";
        if (!string.IsNullOrEmpty(categorySlug))
        {
            categoryFilter = $" AND (rowid & {LanguageBlock - 1}) IN (SELECT a.Id FROM FaqArticles a JOIN FaqCategories c ON c.Id = a.CategoryId WHERE c.Slug = $category)";
            Add(cmd, "$category", categorySlug);
        }

        // Only ASCII words and 1–2-character Chinese terms: the gram table (an English term → a word prefix, which
        // is the word-start rule; Chinese → the exact unigram/bigram token). Otherwise terms of 3+ characters go
        // through the trigram table (shorter terms in the same query are checked afterwards). Anything else (e.g. a
        // short term with symbols or another script): LIKE, a scan.
        string? table = null;
        string? match = null;
        if (terms.All(t => t.All(char.IsAsciiLetterOrDigit) || (t.Length <= 2 && t.All(IsCjk))))
        {
            table = GramsTableName;
            var parts = new List<string>();
            foreach (var t in terms)
            {
                parts.Add(t.All(IsCjk) || await IsWholeWordAsync(connection, cmd.Transaction, t, cancellationToken) ? Quote(t) : Quote(t) + "*");
            }
            match = string.Join(" AND ", parts);
        }
        else if (ftsTerms.Count > 0)
        {
            table = TableName;
            match = string.Join(" AND ", ftsTerms.Select(Quote));
        }

        string ranked;
        if (table is not null && match is not null)
        {
            Add(cmd, "$match", match);
            Add(cmd, "$titleMatch", "{title} : (" + match + ")");
            var rankAll = await CountUpToAsync(connection, table, match, cmd, categoryFilter, RankAllUpTo + 1, cancellationToken) <= RankAllUpTo;
            // Few matches: every one ranked by bm25 within its tier. Many: bm25 would cost time in proportion to the
            // match count (its statistics walk every match), so each tier is its first rows in rowid order instead
            // and FTS5 stops walking the doclist at the LIMIT.
            var score = rankAll ? $"bm25({table}, 10.0, 1.0)" : "rowid";
            var order = rankAll ? "score" : "rowid";
            ranked = $"""
                t AS (SELECT rowid AS rid, 0 AS tier, {score} AS score FROM {table}
                      WHERE {table} MATCH $titleMatch AND rowid BETWEEN $lo AND $hi{categoryFilter} ORDER BY {order} LIMIT $n),
                b AS (SELECT rowid AS rid, 1 AS tier, {score} AS score FROM {table}
                      WHERE {table} MATCH $match AND rowid BETWEEN $lo AND $hi{categoryFilter} AND rowid NOT IN (SELECT rid FROM t)
                      ORDER BY {order} LIMIT $n),
                ranked AS (SELECT * FROM t UNION ALL SELECT * FROM b)
                """;
        }
        else
        {
            var conditions = string.Join(" AND ", terms.Select((t, i) => $"(title LIKE $t{i} ESCAPE '\\' OR body LIKE $t{i} ESCAPE '\\')"));
            for (var i = 0; i < terms.Count; i++)
            {
                Add(cmd, $"$t{i}", "%" + EscapeLike(terms[i]) + "%");
            }
            Add(cmd, "$titleLike", "%" + EscapeLike(terms[0]) + "%");
            ranked = $"""
                ranked AS (SELECT rowid AS rid, CASE WHEN title LIKE $titleLike ESCAPE '\' THEN 0 ELSE 1 END AS tier, rowid AS score
                           FROM FaqSearch WHERE rowid BETWEEN $lo AND $hi{categoryFilter} AND {conditions} ORDER BY tier, rowid LIMIT $n)
                """;
        }
        // Order and cut on rowids and article columns first; only the $n survivors carry their text.
        cmd.CommandText = $"""
            WITH {ranked},
            top AS (SELECT r.rid, r.tier, r.score, a.Id, a.Slug, a.UpdatedAt, a.SortOrder, a.CategoryId
                    FROM ranked r JOIN FaqArticles a ON a.Id = (r.rid & {LanguageBlock - 1})
                    WHERE a.Status = 1 AND a.IsDeleted = 0
                    ORDER BY r.tier, r.score, a.SortOrder LIMIT $n)
            SELECT top.Id, top.Slug, f.title, f.body, c.Slug, top.UpdatedAt, top.tier
            FROM top
            JOIN FaqSearch f ON f.rowid = top.rid
            JOIN FaqCategories c ON c.Id = top.CategoryId
            ORDER BY top.tier, top.score, top.SortOrder;
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
                reader.GetString(4), new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.GetInt64(6) == 0));
        }
        return hits;
    }

    /// <summary>How many rows of the language match, counting no further than <paramref name="cap"/> (cheap: no scoring).</summary>
    private static async Task<long> CountUpToAsync(DbConnection connection, string table, string match, DbCommand search,
        string categoryFilter, int cap, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = search.Transaction;
        count.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH $match AND rowid BETWEEN $lo AND $hi{categoryFilter} LIMIT $cap);";
        Add(count, "$match", match);
        foreach (var name in new[] { "$lo", "$hi", "$category" })
        {
            if (search.Parameters.Contains(name))
            {
                Add(count, name, search.Parameters[name].Value!);
            }
        }
        Add(count, "$cap", cap);
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when no indexed word other than <paramref name="word"/> itself starts with it, so the word-start match
    /// can be an exact token lookup: FTS5 (without a prefix index) merges the doclists of every word with a prefix
    /// in full before it can stop at a LIMIT.
    /// </summary>
    private static async Task<bool> IsWholeWordAsync(DbConnection connection, DbTransaction? transaction, string word, CancellationToken cancellationToken)
    {
        var lower = word.ToLowerInvariant();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        // Bounded above: the Chinese tokens sort after every Latin word, and each row visited costs a doclist walk.
        cmd.CommandText = "SELECT term FROM FaqSearchGramsVocab WHERE term >= $word AND term < $end ORDER BY term LIMIT 2;";
        Add(cmd, "$word", lower);
        Add(cmd, "$end", lower + char.ConvertFromUtf32(0x10FFFF));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var terms = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(reader.GetString(0));
        }
        return terms.Count(t => t.StartsWith(lower, StringComparison.Ordinal)) <= (terms.FirstOrDefault() == lower ? 1 : 0);
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>CJK unified ideographs (basic, extension A, compatibility).</summary>
    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

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

    /// <summary>A LIKE pattern's literal text (backslash escapes; both providers' search uses it).</summary>
    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    [GeneratedRegex(@"[\s\p{P}\p{S}\p{Cc}\p{Cf}-[#+]]+")]
    private static partial Regex Separator();
}
