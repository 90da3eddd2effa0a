using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure.Security;

namespace WalletHelp.Web.Api;

/// <summary><c>WalletHelp:RateLimits</c> (API.md).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "WalletHelp:RateLimits";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int DiagnosesPerMinute { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>FAQ searches that are logged (API: 429 beyond it; the search box goes on searching without logging).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int FaqSearchesPerMinute { get; set; } = 60;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int FaqVotesPerMinute { get; set; } = 10;

    /// <summary>"Was this helpful?" answers on diagnosis results.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int FeedbackPerMinute { get; set; } = 10;
}

public static class ApiExtensions
{
    /// <summary>Sign-in attempts (form and API share one budget per address); attached to endpoints, not paths.</summary>
    public const string SignInPolicy = "signin";
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

        services.AddSingleton<WriteLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // By endpoint, not by path string: "/api/v1/auth/login/", "/ACCOUNT/LOGIN" and "//Account/Login" reach the
            // same endpoints and so the same budget. The sign-in page counts its form posts only (GETs are free).
            options.AddPolicy(SignInPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("signin:" + WriteLimits.ClientKey(http),
                    _ => Window(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.SignInPerMinute))
                : RateLimitPartition.GetNoLimiter("signin:get"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                await TooManyRequests(context.HttpContext, seconds).ExecuteAsync(context.HttpContext);
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
        // The login endpoint (and only it) joins the sign-in budget, whatever path spelling reaches it.
        ((IEndpointConventionBuilder)auth).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && route.RoutePattern.RawText?.TrimEnd('/').EndsWith("/login", StringComparison.OrdinalIgnoreCase) == true)
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(SignInPolicy));
            }
        });
        endpoints.MapDiagnosesApi();
        endpoints.MapStatusApi();
        endpoints.MapReferenceApi();
        endpoints.MapRulesApi();
        endpoints.MapAuditApi();
        endpoints.MapAnalyticsApi();
        return endpoints;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The 429 problem details every limit answers with (middleware and <see cref="WriteLimits"/> alike).</summary>
    public static IResult TooManyRequests(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"Try again in {seconds} seconds.");
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
