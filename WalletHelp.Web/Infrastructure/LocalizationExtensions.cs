using System.Globalization;
using Microsoft.AspNetCore.Localization;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Infrastructure;

public static class LocalizationExtensions
{
    public static WebApplicationBuilder AddWalletHelpLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Languages.Chinese)
                .AddSupportedCultures([.. Languages.All])
                .AddSupportedUICultures([.. Languages.All]);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Cookie first (the user's explicit choice), then the query string for links; the browser's
            // Accept-Language is deliberately ignored: the product is Chinese first unless the user switches.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary><c>GET /culture?c=en&amp;redirectUri=/faq</c>: stores the choice in the localization cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (HttpContext http, string? c, string? redirectUri) =>
        {
            var culture = Languages.All.FirstOrDefault(s => string.Equals(s, c, StringComparison.OrdinalIgnoreCase)) ?? Languages.Chinese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = false,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    Path = "/",
                });
            return Results.LocalRedirect(Security.LocalUrl.OrRoot(redirectUri));
        }).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

}
