using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Resources;

namespace WalletHelp.Web.Api;

/// <summary><c>WalletHelp:RateLimits</c> (API.md).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "WalletHelp:RateLimits";

    // Up to ten million: one address can be a carrier-grade NAT in front of a whole city (and benchmarks need headroom).
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int DiagnosesPerMinute { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>FAQ searches that are logged (API: 429 beyond it; the search box goes on searching without logging).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int FaqSearchesPerMinute { get; set; } = 60;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int FaqVotesPerMinute { get; set; } = 10;

    /// <summary>"Was this helpful?" answers on diagnosis results.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int FeedbackPerMinute { get; set; } = 10;

    /// <summary>Requests that send account mail (register, forgot password, resend confirmation), form and API alike.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int AccountEmailsPerMinute { get; set; } = 5;
}

public static class ApiExtensions
{
    /// <summary>Sign-in attempts (form and API share one budget per address); attached to endpoints, not paths.</summary>
    public const string SignInPolicy = "signin";
    /// <summary>Requests that make the server send mail to an address (form and API share one budget per client).</summary>
    public const string AccountEmailPolicy = "account-email";
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin-api";

    public static WebApplicationBuilder AddWalletHelpApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenApi();
        // Bodies bound by minimal APIs (status, Identity's auth endpoints): duplicate keys are a 400, not "last wins".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        string[] schemes = [IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme];
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireRole(Roles.Admin));

        // API callers get 401/403, not the sign-in page.
        services.ConfigureApplicationCookie(options =>
        {
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // The budgets themselves: in this process, or in Redis when configured (IRateCounter, AddWalletHelpScaleOut).
        services.AddSingleton(sp => new WriteLimits(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>(), sp.GetRequiredService<IRateCounter>()));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // By endpoint, not by path string: "/api/v1/auth/login/", "/ACCOUNT/LOGIN" and "//Account/Login" reach the
            // same endpoints and so the same budget. The sign-in page counts its form posts only (GETs are free).
            options.AddPolicy(SignInPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? Shared(http, "signin", o => o.SignInPerMinute)
                : RateLimitPartition.GetNoLimiter("signin:get"));
            options.AddPolicy(AccountEmailPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? Shared(http, "account-email", o => o.AccountEmailsPerMinute)
                : RateLimitPartition.GetNoLimiter("account-email:get"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await TooManyRequests(context.HttpContext, seconds).ExecuteAsync(context.HttpContext);
                }
                else
                {
                    // A person posting a form (sign-in, two-factor code, password reset) gets a page in their language.
                    await TooManyRequestsPage(context.HttpContext, seconds);
                }
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapWalletHelpApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Authentication");
        auth.MapIdentityApi<ApplicationUser>()
            .AddEndpointFilter(AuthEnumerationFilter.InvokeAsync);
        // The login endpoint joins the sign-in budget and the mail-sending ones the account-email budget, whatever path
        // spelling reaches them (the limit hangs on the endpoint, not on the path string).
        ((IEndpointConventionBuilder)auth).Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route || LastSegment(route.RoutePattern.RawText) is not { } last)
            {
                return;
            }
            // The public API is bearer sign-in and refresh; Identity's other endpoints (register, confirm, manage…)
            // serve its own flows and stay out of /openapi/v1.json.
            if (!last.Equals("login", StringComparison.OrdinalIgnoreCase) && !last.Equals("refresh", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            }
            if (last.Equals("login", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(SignInPolicy));
            }
            else if (last is "register" or "forgotPassword" or "resendConfirmationEmail")
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(AccountEmailPolicy));
            }
        });
        endpoints.MapDiagnosesApi();
        endpoints.MapStatusApi();
        endpoints.MapReferenceApi();
        endpoints.MapRulesApi();
        endpoints.MapAuditApi();
        endpoints.MapFaqApi();
        endpoints.MapAnalyticsApi();
        return endpoints;
    }

    /// <summary>
    /// The last segment of an endpoint's route pattern ("login", "register"): how the auth endpoints are told apart,
    /// whatever path spelling (trailing slash, case) reached them.
    /// </summary>
    internal static string? LastSegment(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }
        var trimmed = pattern.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    /// <summary>A per-minute budget per client address for a middleware policy, kept in the app's <see cref="IRateCounter"/>.</summary>
    private static RateLimitPartition<string> Shared(HttpContext http, string bucket, Func<RateLimitOptions, int> permits)
    {
        var client = WriteLimits.ClientKey(http);
        var services = http.RequestServices;
        return RateLimitPartition.Get(bucket + ":" + client, _ => new CounterRateLimiter(
            services.GetRequiredService<IRateCounter>(), bucket, client,
            permits(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value), TimeSpan.FromMinutes(1)));
    }

    /// <summary>The 429 problem details every limit answers with (middleware and <see cref="WriteLimits"/> alike).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooManyRequests(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"Try again in {seconds} seconds.");
    }

    private static Task TooManyRequestsPage(HttpContext http, int seconds)
    {
        var lang = WalletHelp.Core.Localization.Languages.Current;
        var title = UiText.Get("TooMany.Title");
        var text = string.Format(CultureInfo.CurrentCulture, UiText.Get("TooMany.Text"), seconds);
        var back = UiText.Get("TooMany.Back");
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var path = System.Net.WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path);
        return http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · WalletHelp</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
            <main><h1 style="font-size: 1.5rem">{{title}}</h1><p role="alert">{{text}}</p><p><a href="{{path}}">{{back}}</a></p></main>
            </body></html>
            """);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
