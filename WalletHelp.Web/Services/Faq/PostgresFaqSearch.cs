using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data.Postgres;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// <see cref="FaqSearchIndex"/> on PostgreSQL: one table (<c>FaqSearchDocs</c>) with <c>pg_trgm</c> GIN indexes on
/// title and body. The terms are those of <see cref="FaqSearchIndex.Terms"/> and are ANDed, as on SQLite: a term
/// with a non-ASCII character is a case-insensitive substring (<c>ILIKE</c>; plain <c>LIKE</c> when it has no case, as Chinese has none: the Chinese rule); an ASCII term must
/// start a word (<c>~*</c> with a word-start pattern, the English rule). The trigram indexes answer every term of
/// three or more characters; one- and two-character terms with a non-ASCII character (冻结, 卡) are looked up in the
/// short-gram arrays (<c>title_grams</c>, <c>body_grams</c>, GIN; migration <c>PostgresFaqSearchSpeed</c>); one- and
/// two-letter ASCII terms are checked on the rows the other terms leave (or, alone, by a scan). Title matches first, then the articles' own order. <see cref="FaqSearchIndex"/> calls this when the
/// connection is Npgsql's, so callers (service, wider search, benchmark) do not change.
/// </summary>
internal static partial class PostgresFaqSearch
{
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
            else if (term.Length <= 2)
            {
                // One or two characters give no trigram to look up: the short-gram arrays (every lower-cased one- and
                // two-character substring with a non-ASCII character, kept by a trigger) answer exactly what ILIKE would.
                FaqSearchIndex.Add(cmd, $"t{i}", term);
                inTitle.Add($"d.title_grams @> ARRAY[lower(@t{i})]");
                anywhere.Add($"(d.title_grams @> ARRAY[lower(@t{i})] OR d.body_grams @> ARRAY[lower(@t{i})])");
                continue;
            }
            else
            {
                // A term without upper/lower case (Chinese) needs no case folding: LIKE gives the same answer as ILIKE
                // and its recheck of each candidate row is several times cheaper.
                op = HasCase(term) ? "ILIKE" : "LIKE";
                FaqSearchIndex.Add(cmd, $"t{i}", "%" + FaqSearchIndex.EscapeLike(term) + "%");
            }
            inTitle.Add($"d.title {op} @t{i}");
            anywhere.Add($"(d.title {op} @t{i} OR d.body {op} @t{i})");
        }
        FaqSearchIndex.Add(cmd, "lang", lang);
        FaqSearchIndex.Add(cmd, "n", limit);
        var category = "";
        if (!string.IsNullOrEmpty(categorySlug))
        {
            category = """ JOIN "FaqCategories" fc ON fc."Id" = a."CategoryId" AND fc."Slug" = @category""";
            FaqSearchIndex.Add(cmd, "category", categorySlug);
        }
        var title = string.Join(" AND ", inTitle);
        // Title matches first, then the rest, each in the articles' order. Two branches, each with its own LIMIT, so a
        // frequent term stops after the first page of title matches (the second branch is then never executed)
        // instead of sorting every match; the narrow (rid, id, order) rows are picked first (covering index
        // IX_FaqArticles_Search: no visit to the wide article rows) and only the page's titles and bodies are read.
        var from = $"""
            FROM "FaqSearchDocs" d JOIN "FaqArticles" a ON a."Id" = d.article_id{category}
            WHERE d.lang = @lang AND a."Status" = 1 AND NOT a."IsDeleted"
            """;
        cmd.CommandText = $"""
            WITH hits AS MATERIALIZED (
                (SELECT d.rid, a."Id", a."SortOrder", 0 AS tier {from} AND {title}
                 ORDER BY a."SortOrder", a."Id" LIMIT @n)
                UNION ALL
                (SELECT d.rid, a."Id", a."SortOrder", 1 AS tier {from} AND {string.Join(" AND ", anywhere)} AND NOT ({title})
                 ORDER BY a."SortOrder", a."Id" LIMIT @n)
                LIMIT @n)
            SELECT a."Id", a."Slug", d.title, d.body, c."Slug", a."UpdatedAt", h.tier
            FROM hits h
            JOIN "FaqSearchDocs" d ON d.rid = h.rid
            JOIN "FaqArticles" a ON a."Id" = h."Id"
            JOIN "FaqCategories" c ON c."Id" = a."CategoryId"
            ORDER BY h.tier, h."SortOrder", h."Id"
            """;
    }

    private static bool HasCase(string term) =>
        !string.Equals(term.ToLowerInvariant(), term.ToUpperInvariant(), StringComparison.Ordinal);

    public const string IsPopulatedSql = """SELECT (EXISTS (SELECT 1 FROM "FaqSearchDocs"))::int::bigint AS "Value" """;

    public const string ClearSql = """DELETE FROM "FaqSearchDocs";""";

    private static string RegexEscape(string term) => RegexSpecial().Replace(term, @"\$0");

    [GeneratedRegex(@"[\\.^$|?*+()\[\]{}]")]
    private static partial Regex RegexSpecial();
}
