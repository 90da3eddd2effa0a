using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Security;

/// <summary>RequireStaffTwoFactor=true: staff pages and staff API stay shut until an authenticator is enrolled.</summary>
public sealed class StaffTwoFactorTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory()
        .With("WalletHelp:Security:RequireStaffTwoFactor", "true")
        .With("WalletHelp:RateLimits:SignInPerMinute", "1000");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaffPage_WithoutAuthenticator_RedirectsToEnrolment()
    {
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal("/agent", PathOf(signIn));

        var agent = await client.GetAsync("/agent", Ct);
        Assert.True(agent.IsRedirect(), agent.StatusCode.ToString());
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", PathOf(agent));

        var enrol = await client.GetStringAsync("/Account/Manage/EnableAuthenticator?required=true", Ct);
        Assert.Contains("<svg", enrol);
        Assert.Contains("data-testid=\"enrol-required\"", enrol);
    }

    [Fact]
    public async Task Admin_SignsInWithCode_LandsOnAdmin()
    {
        var key = await EnrolAsync(WalletHelpFactory.AdminEmail);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var twoFactorPage = signIn.Headers.Location!.OriginalString;
        Assert.Contains("/Account/LoginWith2fa", twoFactorPage);

        var done = await client.PostFormAsync(twoFactorPage, "login-with-2fa", new()
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow, stepOffset: 1),
            ["Input.RememberMachine"] = "false",
        });
        Assert.Equal("/admin", PathOf(done));
        var admin = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("data-testid=\"admin-home\"", await admin.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task BearerLogin_TakesTwoFactorCode_AndStaffApiNeedsEnrolment()
    {
        // Not enrolled: a token is issued, but the staff API refuses it.
        var unenrolled = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await unenrolled.GetAsync("/api/v1/audit", Ct)).StatusCode);

        var key = await EnrolAsync(WalletHelpFactory.AdminEmail);
        var client = factory.CreateClient();
        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = WalletHelpFactory.AdminEmail, password = WalletHelpFactory.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("RequiresTwoFactor", await withoutCode.Content.ReadAsStringAsync(Ct));

        var wrongCode = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = WalletHelpFactory.AdminEmail, password = WalletHelpFactory.AdminPassword, twoFactorCode = "000000" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = WalletHelpFactory.AdminEmail, password = WalletHelpFactory.AdminPassword, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit", Ct)).StatusCode);

        var audit = await (await client.GetAsync("/api/v1/audit?action=sign-in&actor=admin", Ct)).ReadJsonAsync();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains(AuditActions.SignInTwoFactorFailed, actions);
        Assert.Contains(AuditActions.SignInSucceeded, actions);
    }

    private static string PathOf(HttpResponseMessage redirect) =>
        new Uri(new Uri("http://localhost"), redirect.Headers.Location!).PathAndQuery;

    /// <summary>What the enrolment page does, done directly: a key, verified, 2FA on. Returns the base32 key.</summary>
    private async Task<string> EnrolAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(key, DateTimeOffset.UtcNow)));
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    public void Dispose() => factory.Dispose();
}
