using Microsoft.EntityFrameworkCore;
using WalletHelp.Core.Privacy;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Services.Faq;

/// <summary>What readers see: published, not deleted articles only. One short-lived context per call.</summary>
public sealed class FaqService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider time, WriteLimits limits, FaqSynonymService synonyms,
    FaqSearchLog searchLog, FaqSearchCache? searchCache = null)
{
    public const int MaxCommentLength = 1000;

    public async Task<IReadOnlyList<FaqCategoryView>> GetCategoriesAsync(string lang, CancellationToken cancellationToken = default)
    {
        lang = Languages.Normalize(lang);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var categories = await db.FaqCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var articles = await Rows(Published(db).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)).ToListAsync(cancellationToken);
        return categories
            .Select(c => new FaqCategoryView(c.Id, c.Slug, Name(c, lang),
                articles.Where(a => a.CategoryId == c.Id).Select(a => Summary(a, lang)).ToList()))
            .Where(c => c.Articles.Count > 0)
            .ToList();
    }

    /// <summary>All published articles by category and order (the API without a query).</summary>
    public async Task<IReadOnlyList<FaqArticleSummary>> ListAsync(string lang, string? categorySlug, CancellationToken cancellationToken = default) =>
        (await GetCategoriesAsync(lang, cancellationToken))
            .Where(c => string.IsNullOrEmpty(categorySlug) || c.Slug == categorySlug)
            .SelectMany(c => c.Articles)
            .ToList();

    /// <summary>Articles with the most "helpful" votes; the first articles by order when nobody has voted yet.</summary>
    public async Task<IReadOnlyList<FaqArticleSummary>> MostHelpfulAsync(string lang, int count = 5, CancellationToken cancellationToken = default)
    {
        lang = Languages.Normalize(lang);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = await Published(db)
            .OrderByDescending(a => a.Votes.Count(v => v.Helpful)).ThenBy(a => a.Category!.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        var rows = await Rows(Published(db).Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
        return ids.Select(id => Summary(rows.Single(r => r.Id == id), lang)).ToList();
    }

    public async Task<FaqArticleView?> GetAsync(string slug, string lang, CancellationToken cancellationToken = default)
    {
        lang = Languages.Normalize(lang);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var article = await Published(db).Include(a => a.Category).FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (article is null)
        {
            return null;
        }
        var fallback = lang == Languages.English && !article.HasEnglish;
        var english = lang == Languages.English && !fallback;
        var body = english ? article.BodyEn! : article.BodyZh;
        return new FaqArticleView(article.Id, article.Slug, english ? article.TitleEn! : article.TitleZh, body,
            FaqMarkdown.ToSafeHtml(body), article.Category!.Slug, Name(article.Category, lang), SplitTags(article.Tags),
            article.UpdatedAt, english ? Languages.English : Languages.Chinese, fallback);
    }

    /// <summary>Same category or a shared tag; shared tags count most.</summary>
    public async Task<IReadOnlyList<FaqArticleSummary>> RelatedAsync(int articleId, string lang, int count = 4, CancellationToken cancellationToken = default)
    {
        lang = Languages.Normalize(lang);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = await Rows(Published(db)).ToListAsync(cancellationToken); // summaries only: no article bodies
        var current = all.FirstOrDefault(a => a.Id == articleId);
        if (current is null)
        {
            return [];
        }
        var tags = SplitTags(current.Tags);
        return all.Where(a => a.Id != articleId)
            .Select(a => (Article: a, Score: (SplitTags(a.Tags).Intersect(tags).Count() * 2) + (a.CategoryId == current.CategoryId ? 1 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Article.SortOrder)
            .Take(count)
            .Select(x => Summary(x.Article, lang))
            .ToList();
    }

    /// <summary>
    /// Searches published articles and logs the query (scrubbed, capped at 200 characters) when <paramref name="client"/>'s
    /// search budget allows (queued, written in batches); over it the search still answers but logs nothing. Null client: in-process caller, logged.
    /// </summary>
    public async Task<IReadOnlyList<FaqSearchHit>> SearchAsync(string? query, string lang, string? categorySlug = null, int limit = 20,
        CancellationToken cancellationToken = default, string? client = null)
    {
        lang = Languages.Normalize(lang);
        // Control characters (NUL, tabs, CR/LF) are never part of a search; SQLite's FTS5 parser chokes on NUL.
        query = string.Create((query ?? "").Length, query ?? "", static (span, q) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(q[i]) ? ' ' : q[i];
        }).Trim();
        if (query.Length == 0)
        {
            return [];
        }
        if (query.Length > FaqSearchQuery.MaxLength)
        {
            query = query[..FaqSearchQuery.MaxLength];
        }
        var hits = searchCache is null
            ? await SearchIndexAsync(query, lang, categorySlug, limit, cancellationToken)
            : await searchCache.GetOrSearchAsync(query, lang, categorySlug, limit,
                () => SearchIndexAsync(query, lang, categorySlug, limit, cancellationToken));
        // The log keeps what was asked, never an ID or card number someone pasted into the box.
        if (client is null || (await limits.TryAcquireAsync(WriteKind.FaqSearch, client, cancellationToken)).Allowed)
        {
            // Queued, written in batches off the request path (FaqSearchLogWriter); a full queue drops the row, never the search.
            searchLog.Record(PersonalNumberScrubber.Scrub(query)!, lang, hits.Count, time.GetUtcNow());
        }
        return hits;
    }

    private async Task<IReadOnlyList<FaqSearchHit>> SearchIndexAsync(string query, string lang, string? categorySlug, int limit,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var hits = await FaqSearchIndex.SearchAsync(connection, query, lang, categorySlug, limit, cancellationToken);
        if (hits.Count == 0)
        {
            hits = await FaqWiderSearch.SearchAsync(connection, query, lang, categorySlug, limit,
                await synonyms.GroupsAsync(cancellationToken), cancellationToken);
        }
        return hits;
    }

    /// <summary>
    /// Records one vote; false when the article is not published. Throws <see cref="WriteLimitExceededException"/>
    /// when <paramref name="client"/>'s vote budget is spent (null client: in-process caller, not limited).
    /// </summary>
    public async Task<bool> VoteAsync(int articleId, bool helpful, string? comment, string lang, CancellationToken cancellationToken = default,
        string? client = null)
    {
        if (client is not null)
        {
            await limits.AcquireAsync(WriteKind.FaqVote, client, cancellationToken);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await Published(db).AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return false;
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : PersonalNumberScrubber.Scrub(comment.Trim());
        if (comment is { Length: > MaxCommentLength })
        {
            comment = comment[..MaxCommentLength];
        }
        db.Add(new FaqArticleVote
        {
            ArticleId = articleId, Helpful = helpful, Comment = comment, Language = Languages.Normalize(lang),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static IReadOnlyList<string> SplitTags(string tags) =>
        tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList();

    private static IQueryable<FaqArticle> Published(ApplicationDbContext db) =>
        db.FaqArticles.AsNoTracking().Where(a => a.Status == FaqStatus.Published && !a.IsDeleted);

    private static string Name(FaqCategory c, string lang) => lang == Languages.English ? c.NameEn : c.NameZh;

    /// <summary>What lists need of a published article (its bodies stay in the database).</summary>
    private sealed record ArticleRow(int Id, string Slug, string TitleZh, string? TitleEn, bool HasEnglish, int CategoryId,
        string CategorySlug, int SortOrder, string Tags, DateTimeOffset UpdatedAt);

    /// <remarks>Filter and order the articles first: EF cannot translate members of the record after the projection.</remarks>
    private static IQueryable<ArticleRow> Rows(IQueryable<FaqArticle> articles) =>
        articles.Select(a => new ArticleRow(a.Id, a.Slug, a.TitleZh, a.TitleEn,
            !string.IsNullOrWhiteSpace(a.TitleEn) && !string.IsNullOrWhiteSpace(a.BodyEn),
            a.CategoryId, a.Category!.Slug, a.SortOrder, a.Tags, a.UpdatedAt));

    private static FaqArticleSummary Summary(ArticleRow a, string lang) =>
        new(a.Id, a.Slug, lang == Languages.English && a.HasEnglish ? a.TitleEn! : a.TitleZh, a.CategorySlug, a.UpdatedAt);
}
