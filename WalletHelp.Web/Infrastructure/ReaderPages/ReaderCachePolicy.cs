using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Web.Infrastructure.ReaderPages;

/// <summary>
/// Output caching for endpoints marked <see cref="ReaderCacheAttribute"/> (the reader pages and the anonymous FAQ and
/// status API), as the output cache's base policy:
/// <list type="bullet">
/// <item>anonymous GET/HEAD only: a signed-in person (cookie or bearer) always gets a fresh rendering;</item>
/// <item>keyed by path, every query value and the request's language (culture cookie or <c>lang</c>), and by whether it
/// is a Blazor enhanced-navigation fetch;</item>
/// <item>never a response that sets a cookie or is not 200;</item>
/// <item>FAQ searches (<c>q</c>) are not cached: each one is logged and spends the address's search budget
/// (<c>FaqService.SearchAsync</c>), which a cache hit would skip;</item>
/// <item>kept at most <see cref="MaxAge"/>, and for pages that show the service status not past the next maintenance
/// start or end; evicted by tag at once when an article, category, synonym or status entry changes
/// (<see cref="ReaderCache"/>).</item>
/// </list>
/// </summary>
public sealed class ReaderCachePolicy : IOutputCachePolicy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>The query key whose presence means "search": see the class remarks.</summary>
    public const string SearchKey = "q";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var marker = http.GetEndpoint()?.Metadata.GetMetadata<ReaderCacheAttribute>();
        if (marker is null)
        {
            context.EnableOutputCaching = false;
            return;
        }
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
            && string.IsNullOrWhiteSpace(request.Query[SearchKey]);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = MaxAge;
        context.CacheVaryByRules.QueryKeys = "*";
        // Request localization runs before the cache: this is the language the page or answer is rendered in.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["enhanced"] =
            request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal) ? "1" : "0";
        foreach (var tag in marker.Tags)
        {
            context.Tags.Add(tag);
        }
        if (cacheable && marker.Tags.Contains(ReaderCache.Status))
        {
            // A maintenance window that starts or ends changes the banner and /status without any write to evict on:
            // what is stored now lives only until then. (Set here: the entry's lifetime is fixed before the body is
            // written, and ServeResponseAsync runs after it.)
            var services = context.HttpContext.RequestServices;
            if (await services.GetRequiredService<ServiceStatusService>().NextChangeCachedAsync(cancellation) is { } next)
            {
                var left = next - services.GetRequiredService<TimeProvider>().GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    context.AllowCacheStorage = false;
                }
                else if (left < MaxAge)
                {
                    context.ResponseExpirationTimeSpan = left;
                }
            }
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Runs after the response is written, before it is stored: these headers are final.
        var response = context.HttpContext.Response;
        if (!Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.StatusCode != StatusCodes.Status200OK
            || context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
