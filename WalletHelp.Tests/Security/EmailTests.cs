using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Security;

/// <summary>Real mail through SMTP (MailKit) into an in-process SMTP server; the tests follow the links.</summary>
public sealed class EmailTests : IDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly WalletHelpFactory factory;

    public EmailTests()
    {
        factory = new WalletHelpFactory()
            .With("WalletHelp:Email:SmtpHost", "127.0.0.1")
            .With("WalletHelp:Email:SmtpPort", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("WalletHelp:Email:SmtpTls", "none")
            .With("WalletHelp:Email:SmtpFrom", "WalletHelp <no-reply@test.local>")
            .With("WalletHelp:RateLimits:SignInPerMinute", "1000");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_SendsChineseConfirmation_WhoseLinkConfirmsTheAccount()
    {
        var client = factory.CreateClient();
        const string email = "new.user@test.local";
        const string password = "Strong-Pass-2026";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password }, Ct)).StatusCode);
        // Not confirmed yet: sign-in is not allowed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct)).StatusCode);

        var mail = await smtp.WaitForAsync(email, "确认");
        Assert.Contains("钱包助手", mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        var link = TestSmtpServer.LinkIn(mail);
        Assert.Contains("confirmEmail", link, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct)).StatusCode);
    }

    [Fact]
    public async Task RegisterForm_ForAnAddressThatHasAnAccount_AnswersExactlyAsForANewOne()
    {
        async Task<HttpResponseMessage> Register(string email) => await factory.CreateBrowserLikeClient().PostFormAsync(
            "/Account/Register", "register", new()
            {
                ["Input.Email"] = email, ["Input.Password"] = "Strong-Pass-2026", ["Input.ConfirmPassword"] = "Strong-Pass-2026",
            });

        var fresh = await Register("someone.new@test.local");
        var taken = await Register(WalletHelpFactory.AgentEmail);

        Assert.True(fresh.IsRedirect());
        Assert.True(taken.IsRedirect());
        string Page(HttpResponseMessage r) => r.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(Page(fresh), Page(taken));
        Assert.Contains("RegisterConfirmation", Page(taken), StringComparison.Ordinal);
        var confirmation = await factory.CreateClient().GetStringAsync(taken.Headers.Location!.OriginalString.TrimStart('~'), Ct);
        Assert.DoesNotContain("taken", confirmation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("已被", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_SendsEnglishResetLink_ThatSetsANewPassword()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetAsync("/culture?c=en&redirectUri=/", Ct); // the language switch sets the culture cookie
        var sent = await client.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = WalletHelpFactory.AgentEmail });
        Assert.True(sent.IsRedirect());

        var mail = await smtp.WaitForAsync(WalletHelpFactory.AgentEmail, "reset your password");
        var link = TestSmtpServer.LinkIn(mail);
        Assert.Contains("/Account/ResetPassword", link);
        var path = new Uri(link).PathAndQuery;

        var reset = await client.PostFormAsync(path, "reset-password", new()
        {
            ["Input.Email"] = WalletHelpFactory.AgentEmail,
            ["Input.Password"] = "Brand-New-Pass-1",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-1",
            ["Input.Code"] = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(
                System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["code"]!)),
        });
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);

        var signIn = await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AgentEmail, "Brand-New-Pass-1");
        Assert.True(signIn.IsRedirect());
        Assert.DoesNotContain("Login", signIn.Headers.Location?.OriginalString);
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        Assert.Single((await audit.QueryAsync(new AuditQuery(Action: AuditActions.PasswordResetByEmail), Ct)).Items);
    }

    [Fact]
    public async Task Lockout_EmailsTheAccountOwner()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password");
        }
        var mail = await smtp.WaitForAsync(WalletHelpFactory.AgentEmail, "锁定");
        Assert.Contains("15", mail.TextBody);
    }

    [Fact]
    public async Task RegisterConfirmation_ShowsNoLinkWhenMailIsSent()
    {
        var page = await factory.CreateClient().GetStringAsync("/Account/RegisterConfirmation?email=" + WalletHelpFactory.AgentEmail, Ct);
        Assert.DoesNotContain("confirm-link", page);
        Assert.DoesNotContain("ConfirmEmail?", page);
    }

    [Fact]
    public void StartUp_SaysMailIsSent()
    {
        _ = factory.Services;
        Assert.Single(factory.Logs, l => l.Contains("Email: sending through SMTP", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        factory.Dispose();
        smtp.Dispose();
    }
}
