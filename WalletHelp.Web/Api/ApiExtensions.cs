using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Api;

/// <summary><c>WalletHelp:RateLimits</c> (API.md).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "WalletHelp:RateLimits";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int DiagnosesPerMinute { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 10;
}

public static class ApiExtensions
{
    public const string DiagnosesPolicy = "diagnoses";
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin-api";

    public static WebApplicationBuilder AddWalletHelpApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenApi();
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

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(DiagnosesPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http),
                _ => Window(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.DiagnosesPerMinute)));
            // Sign-in attempts through the form or the API share one budget per address.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignIn(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter("signin:" + ClientKey(http),
                        _ => Window(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.SignInPerMinute))
                    : RateLimitPartition.GetNoLimiter("none"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests.",
                        detail: $"Try again in {seconds} seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapWalletHelpApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapGroup("/api/v1/auth").WithTags("Authentication").MapIdentityApi<ApplicationUser>();
        endpoints.MapDiagnosesApi();
        endpoints.MapStatusApi();
        endpoints.MapAuditApi();
        return endpoints;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase));

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
