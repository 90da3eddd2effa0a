using Microsoft.AspNetCore.Http.HttpResults;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Faq;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Api;

/// <summary><c>/api/v1/faq</c>: published articles for anyone (search, list, one article).</summary>
public static class FaqEndpoints
{
    public sealed record FaqListItem(string Slug, string Title, string Snippet, string Category, DateTime UpdatedAt);

    public sealed record FaqArticleDto(string Slug, string Title, string Language, bool IsFallback, string Category,
        IReadOnlyList<string> Tags, DateTime UpdatedAt, string BodyHtml, string BodyMarkdown);

    public static IEndpointRouteBuilder MapFaqApi(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous answers come from the output cache, except searches (logged and budgeted per address): ReaderCachePolicy.
        var group = endpoints.MapGroup("/api/v1/faq").WithTags("FAQ").AllowAnonymous()
            .WithMetadata(new Infrastructure.ReaderPages.ReaderCacheAttribute(Infrastructure.ReaderPages.ReaderCache.Faq));
        group.MapGet("", ListOrSearch).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{slug}", GetArticle).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>Without <c>q</c>: every published article by category and order. With it: a search, which is logged.</summary>
    internal static async Task<Results<Ok<List<FaqListItem>>, ProblemHttpResult>> ListOrSearch(
        HttpContext http, FaqService faq, WriteLimits limits, string? q, string? lang, string? category, CancellationToken ct)
    {
        var language = Languages.Normalize(lang);
        if (string.IsNullOrWhiteSpace(q))
        {
            var all = await faq.ListAsync(language, category, ct);
            return TypedResults.Ok(all.Select(a => new FaqListItem(a.Slug, a.Title, "", a.CategorySlug, Utc(a.UpdatedAt))).ToList());
        }
        // Every search writes a log row: over the per-address budget the API says 429 (and writes nothing).
        var decision = await limits.TryAcquireAsync(WriteKind.FaqSearch, WriteLimits.ClientKey(http), ct);
        if (!decision.Allowed)
        {
            return ApiExtensions.TooManyRequests(http, decision.RetryAfterSeconds);
        }
        var hits = await faq.SearchAsync(q, language, category, limit: 50, ct);
        return TypedResults.Ok(hits.Select(h => new FaqListItem(h.Slug, h.Title, h.Snippet, h.Category, Utc(h.UpdatedAt))).ToList());
    }

    internal static async Task<Results<Ok<FaqArticleDto>, ProblemHttpResult>> GetArticle(FaqService faq, string slug, string? lang, CancellationToken ct)
    {
        var article = await faq.GetAsync(slug, Languages.Normalize(lang), ct);
        if (article is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "FAQ article not found",
                detail: "No published article has this slug.");
        }
        return TypedResults.Ok(new FaqArticleDto(article.Slug, article.Title, article.Language, article.IsFallback, article.CategorySlug,
            article.Tags, Utc(article.UpdatedAt), article.BodyHtml, article.BodyMarkdown));
    }

    private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime; // JSON keeps its "Z" form
}
