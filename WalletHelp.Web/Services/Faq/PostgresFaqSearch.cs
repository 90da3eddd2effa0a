using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data.Postgres;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// <see cref="FaqSearchIndex"/> on PostgreSQL: one table (<c>FaqSearchDocs</c>) with <c>pg_trgm</c> GIN indexes on
/// title and body. The terms are those of <see cref="FaqSearchIndex.Terms"/> and are ANDed, as on SQLite: a term
/// with a non-ASCII character is a case-insensitive substring (<c>ILIKE</c>, the Chinese rule); an ASCII term must
/// start a word (<c>~*</c> with a word-start pattern, the English rule). The trigram indexes answer every term of
/// three or more characters; one- and two-character terms are checked on the rows the longer terms leave (or, alone,
/// by a scan). Title matches first, then the articles' own order. <see cref="FaqSearchIndex"/> calls this when the
/// connection is Npgsql's, so callers (service, wider search, benchmark) do not change.
/// </summary>
internal static partial class PostgresFaqSearch
{
    private const long LanguageBlock = 1L << 32;

    public static async Task UpsertAsync(DbConnection connection, DbTransaction? transaction, int articleId,
        (string Title, string Body)? chinese, (string Title, string Body)? english, CancellationToken cancellationToken)
    {
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = """DELETE FROM "FaqSearchDocs" WHERE article_id = @id;""";
            FaqSearchIndex.Add(delete, "id", articleId);
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
            insert.CommandText = """INSERT INTO "FaqSearchDocs" (rid, article_id, lang, title, body) VALUES (@rid, @id, @lang, @title, @body);""";
            FaqSearchIndex.Add(insert, "rid", FaqSearchIndex.RowId(articleId, lang));
            FaqSearchIndex.Add(insert, "id", articleId);
            FaqSearchIndex.Add(insert, "lang", lang);
            FaqSearchIndex.Add(insert, "title", t.Title);
            FaqSearchIndex.Add(insert, "body", t.Body);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<FaqSearchHit>> SearchAsync(DbConnection connection, string query, string lang,
        string? categorySlug, int limit, CancellationToken cancellationToken)
    {
        var terms = FaqSearchIndex.Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }
        await using var cmd = connection.CreateCommand();
        Prepare(cmd, terms, lang, categorySlug, limit);
        var hits = new List<FaqSearchHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var body = reader.GetString(3);
            hits.Add(new FaqSearchHit(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), FaqSearchIndex.Snippet(body, terms),
                reader.GetString(4), new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.GetInt32(6) == 0));
        }
        return hits;
    }

    /// <summary>The statement and parameters of a search (also what the benchmark runs EXPLAIN ANALYZE on).</summary>
    internal static void Prepare(DbCommand cmd, IReadOnlyList<string> terms, string lang, string? categorySlug, int limit)
    {
        var inTitle = new List<string>();
        var anywhere = new List<string>();
        // Longer terms first: the planner's trigram bitmap scans start from the most selective patterns.
        foreach (var (term, i) in terms.Select((t, i) => (t, i)).OrderByDescending(x => x.t.Length))
        {
            string op;
            if (term.All(c => c < 128))
            {
                op = "~*";
                // Word start: at the beginning or after a character that is not a letter or digit (as StartsWord).
                FaqSearchIndex.Add(cmd, $"t{i}", (char.IsLetterOrDigit(term[0]) ? "(^|[^[:alnum:]])" : "") + RegexEscape(term));
            }
            else
            {
                op = "ILIKE";
                FaqSearchIndex.Add(cmd, $"t{i}", "%" + FaqSearchIndex.EscapeLike(term) + "%");
            }
            inTitle.Add($"d.title {op} @t{i}");
            anywhere.Add($"(d.title {op} @t{i} OR d.body {op} @t{i})");
        }
        FaqSearchIndex.Add(cmd, "lang", lang);
        FaqSearchIndex.Add(cmd, "lo", FaqSearchIndex.RowId(0, lang));
        FaqSearchIndex.Add(cmd, "hi", FaqSearchIndex.RowId(0, lang) + LanguageBlock - 1);
        FaqSearchIndex.Add(cmd, "n", limit);
        var category = "";
        if (!string.IsNullOrEmpty(categorySlug))
        {
            category = """ AND c."Slug" = @category""";
            FaqSearchIndex.Add(cmd, "category", categorySlug);
        }
        cmd.CommandText = $"""
            SELECT a."Id", a."Slug", d.title, d.body, c."Slug", a."UpdatedAt",
                   CASE WHEN {string.Join(" AND ", inTitle)} THEN 0 ELSE 1 END AS tier
            FROM "FaqSearchDocs" d
            JOIN "FaqArticles" a ON a."Id" = d.article_id
            JOIN "FaqCategories" c ON c."Id" = a."CategoryId"
            WHERE d.rid BETWEEN @lo AND @hi AND d.lang = @lang AND a."Status" = 1 AND NOT a."IsDeleted"{category}
              AND {string.Join(" AND ", anywhere)}
            ORDER BY tier, a."SortOrder", a."Id"
            LIMIT @n
            """;
    }

    public const string IsPopulatedSql = """SELECT (EXISTS (SELECT 1 FROM "FaqSearchDocs"))::int::bigint AS "Value" """;

    public const string ClearSql = """DELETE FROM "FaqSearchDocs";""";

    private static string RegexEscape(string term) => RegexSpecial().Replace(term, @"\$0");

    [GeneratedRegex(@"[\\.^$|?*+()\[\]{}]")]
    private static partial Regex RegexSpecial();
}
