using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Infrastructure;

/// <summary><c>WalletHelp:Security</c>: what staff accounts must do.</summary>
public sealed class StaffSecurityOptions
{
    public const string Section = "WalletHelp:Security";

    /// <summary>Agents and admins must enrol an authenticator app before any staff page or staff API opens.</summary>
    public bool RequireStaffTwoFactor { get; set; } = true;
}

/// <summary>
/// Two-factor sign-in for staff: every authorization that asks for the Agent or Admin role fails for a staff
/// account without an enrolled authenticator (when <see cref="StaffSecurityOptions.RequireStaffTwoFactor"/>);
/// pages then send the person to enrol (<see cref="EnrolPath"/>), the API answers 403.
/// </summary>
public static class StaffSecurityExtensions
{
    public const string EnrolPath = "/Account/Manage/EnableAuthenticator?required=true";
    private const string NeedsEnrolmentKey = "WalletHelp.StaffNeedsTwoFactor";

    public static WebApplicationBuilder AddWalletHelpStaffSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffSecurityOptions>().BindConfiguration(StaffSecurityOptions.Section);
        // Antiforgery's cookie is never Secure by default; over HTTPS (or behind a TLS proxy that says so) it must be.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddScoped<IAuthorizationHandler, StaffTwoFactorHandler>();
        builder.Services.AddScoped<StaffTwoFactorCheck>();
        // PostConfigure: runs after every Configure (the API's 401/403 events), and wraps them.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var inner = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (context.HttpContext.Items.ContainsKey(NeedsEnrolmentKey) && !context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.Redirect(EnrolPath);
                    return Task.CompletedTask;
                }
                return inner(context);
            };
        });
        return builder;
    }

    /// <summary>Fails staff-role checks for staff accounts that have not enrolled an authenticator.</summary>
    private sealed class StaffTwoFactorHandler(StaffTwoFactorCheck check) : IAuthorizationHandler
    {
        public async Task HandleAsync(AuthorizationHandlerContext context)
        {
            var staffOnly = context.Requirements.OfType<RolesAuthorizationRequirement>()
                .Any(r => r.AllowedRoles.Any(role => Roles.All.Contains(role)));
            if (staffOnly && await check.NeedsEnrolmentAsync(context.User))
            {
                if (context.Resource is HttpContext http)
                {
                    http.Items[NeedsEnrolmentKey] = true;
                }
                context.Fail(new AuthorizationFailureReason(this, "Staff accounts must enrol an authenticator app first."));
            }
        }
    }
}

/// <summary>Whether a signed-in staff account still has to enrol an authenticator app.</summary>
public sealed class StaffTwoFactorCheck(IOptionsMonitor<StaffSecurityOptions> options, UserManager<ApplicationUser> users)
{
    public bool Required => options.CurrentValue.RequireStaffTwoFactor;

    public async Task<bool> NeedsEnrolmentAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (!Required || principal.Identity?.IsAuthenticated != true || !Roles.All.Any(principal.IsInRole))
        {
            return false;
        }
        var user = await users.GetUserAsync(principal);
        return user is null || !await users.GetTwoFactorEnabledAsync(user);
    }

    /// <summary>Where a user lands after signing in when no page was asked for: agents on /agent, admins on /admin.</summary>
    public async Task<string?> LandingPathAsync(ApplicationUser user, string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl) && returnUrl is not ("/" or "~/"))
        {
            return returnUrl;
        }
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Admin) ? "/admin" : roles.Contains(Roles.Agent) ? "/agent" : returnUrl;
    }
}
