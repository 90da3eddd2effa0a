using System.Net;
using System.Net.Http.Json;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Security;

/// <summary>API register, lockout and reset answers are the same for a known and an unknown email.</summary>
public sealed class AccountEnumerationTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:SignInPerMinute", "1000")
        .With("WalletHelp:RateLimits:AccountEmailsPerMinute", "1000");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode, string)> PostAsync(string path, object body)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(path, body, Ct);
        // Everything but the per-request trace id.
        var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(Ct), "\"traceId\":\"[^\"]*\"", "");
        return (response.StatusCode, text);
    }

    [Fact]
    public async Task Register_TakenEmail_AnswersLikeANewOne()
    {
        var taken = await PostAsync("/api/v1/auth/register", new { email = WalletHelpFactory.AgentEmail, password = "Another-Pass-123" });
        var fresh = await PostAsync("/api/v1/auth/register", new { email = "fresh@test.local", password = "Another-Pass-123" });
        Assert.Equal(HttpStatusCode.OK, fresh.Item1);
        Assert.Equal(fresh, taken);
        // Another spelling of the same endpoint answers alike too (the filter goes by endpoint, not by path string).
        Assert.Equal(fresh, await PostAsync("/API/V1/AUTH/REGISTER/", new { email = WalletHelpFactory.AdminEmail, password = "Another-Pass-123" }));

        // A weak password is refused either way, with the same answer.
        var weakTaken = await PostAsync("/api/v1/auth/register", new { email = WalletHelpFactory.AgentEmail, password = "x" });
        var weakFresh = await PostAsync("/api/v1/auth/register", new { email = "fresh2@test.local", password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, weakFresh.Item1);
        Assert.Equal(weakFresh, weakTaken);
    }

    [Fact]
    public async Task Login_RepeatedFailures_LockOutKnownAndUnknownEmailsAlike()
    {
        var known = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await PostAsync("/api/v1/auth/login", new { email = WalletHelpFactory.AgentEmail, password = "wrong-password" }));
            unknown.Add(await PostAsync("/api/v1/auth/login", new { email = "ghost@test.local", password = "wrong-password" }));
        }
        Assert.Equal(known, unknown);
        Assert.Contains("LockedOut", known[^1].Item2);

        // The form says the same too: both end on the lockout page.
        var form = factory.CreateBrowserLikeClient();
        Assert.Contains("/Account/Lockout", (await form.SignInAsync("ghost@test.local", "wrong-password")).Headers.Location?.OriginalString);
        Assert.Contains("/Account/Lockout", (await form.SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ForgotPasswordAndResendConfirmation_AnswerAlike()
    {
        Assert.Equal(await PostAsync("/api/v1/auth/forgotPassword", new { email = "ghost@test.local" }),
            await PostAsync("/api/v1/auth/forgotPassword", new { email = WalletHelpFactory.AgentEmail }));
        Assert.Equal(await PostAsync("/api/v1/auth/resendConfirmationEmail", new { email = "ghost@test.local" }),
            await PostAsync("/api/v1/auth/resendConfirmationEmail", new { email = WalletHelpFactory.AgentEmail }));
        var reset = new { resetCode = "bogus", newPassword = "Another-Pass-123" };
        Assert.Equal(await PostAsync("/api/v1/auth/resetPassword", new { email = "ghost@test.local", reset.resetCode, reset.newPassword }),
            await PostAsync("/api/v1/auth/resetPassword", new { email = WalletHelpFactory.AgentEmail, reset.resetCode, reset.newPassword }));
    }

    [Fact]
    public async Task RegisterConfirmation_InProduction_ShowsNoLinkForAnyEmail()
    {
        using var production = new WalletHelpFactory().InEnvironment("Production");
        var client = production.CreateClient();
        var known = await client.GetStringAsync("/Account/RegisterConfirmation?email=" + WalletHelpFactory.AgentEmail, Ct);
        var unknown = await client.GetStringAsync("/Account/RegisterConfirmation?email=ghost@test.local", Ct);
        Assert.DoesNotContain("ConfirmEmail?", known);
        Assert.DoesNotContain("confirm-link", known);
        Assert.Equal(Content(known), Content(unknown));
        Assert.Contains("status", Content(known));
    }

    [Fact]
    public void WithoutSmtp_StartUpSaysWhatHappens_AndRegisteredUsersCanSignIn()
    {
        _ = factory.Services;
        Assert.Single(factory.Logs, l => l.Contains("no SMTP server configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutSmtp_ForgotPasswordSaysNoMailCanBeSent_InBothLanguages()
    {
        var client = factory.CreateBrowserLikeClient();
        var chinese = await client.GetStringAsync("/Account/ForgotPassword", Ct);
        Assert.Contains("forgot-no-mail", chinese);
        Assert.Contains("联系管理员", chinese);
        Assert.DoesNotContain("forgot-password", chinese);
        await client.GetAsync("/culture?c=en&redirectUri=/", Ct);
        Assert.Contains("Ask an administrator", await client.GetStringAsync("/Account/ForgotPassword", Ct));
    }

    [Fact]
    public async Task WithoutSmtp_NewAccountsNeedNoConfirmation()
    {
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "nomail@test.local", password = "Another-Pass-123" }, Ct);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nomail@test.local", password = "Another-Pass-123" }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    /// <summary>What the page says (its main block), without the per-request tokens around it.</summary>
    private static string Content(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<div class=\"wh-account\">.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

    public void Dispose() => factory.Dispose();
}
