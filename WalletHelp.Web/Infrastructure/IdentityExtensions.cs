using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using WalletHelp.Web.Components.Account;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Infrastructure;

public static class IdentityExtensions
{
    /// <summary>
    /// Identity's <c>Password.RequiredLength</c>; the account forms' length checks use the same constant (attributes need
    /// one), so a form never accepts a password Identity then refuses.
    /// </summary>
    public const int MinimumPasswordLength = 8;

    public static WebApplicationBuilder AddWalletHelpIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // Bearer tokens for API callers (POST /api/v1/auth/login), beside the browser's cookie.
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.AddAuthorization();
        services.AddMemoryCache();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddApiEndpoints()
            // After AddApiEndpoints, which registers the stock SignInManager again: the audited one wins.
            .AddSignInManager<WalletHelpSignInManager>();

        // Mail (IEmailSender, lockout notices, whether accounts must confirm) is set up by AddWalletHelpEmail.
        return builder;
    }
}
