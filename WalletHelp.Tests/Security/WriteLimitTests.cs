using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Security;

/// <summary>Defect 5: the sign-in budget is kept per endpoint, so path spellings do not multiply it.</summary>
public sealed class SignInBypassTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:SignInPerMinute", "3");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiLogin_TrailingSlashAndCase_ShareOneBudget()
    {
        var client = factory.CreateClient();
        var body = """{ "email": "nobody@test.local", "password": "wrong" }""";
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/v1/auth/login/", "/API/V1/AUTH/LOGIN", "/api/v1/auth/login", "/api/v1/auth/login/" })
        {
            statuses.Add((await client.PostAsync(path, ApiClient.Json(body), Ct)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task FormLogin_TrailingSlash_CountsAndSharesTheApiBudget_GetsAreFree()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login/", Ct)).StatusCode);
        }
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "nobody@test.local", ["Input.Password"] = "x" });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/Login/", form(), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/login", form(), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests,
            (await client.PostAsync("/api/v1/auth/login", ApiClient.Json("""{ "email": "a@b.c", "password": "x" }"""), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/Login/", form(), Ct)).StatusCode);
    }

    [Fact]
    public async Task TwoFactorAndRecoveryCodeForms_SpendTheSignInBudget_AndThePersonGetsAPageInTheirLanguage()
    {
        var client = factory.CreateBrowserLikeClient();
        var code = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.TwoFactorCode"] = "123456" });
        // Guessing codes on either page counts (whatever else is wrong with the post), GETs are free.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/LoginWith2fa", code(), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/loginwith2fa/", code(), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/LoginWithRecoveryCode", code(), Ct)).StatusCode);

        var refused = await client.PostAsync("/Account/LoginWithRecoveryCode", code(), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"zh-CN\"", page, StringComparison.Ordinal);
        Assert.Contains("尝试次数过多", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/LoginWith2fa", code(), Ct)).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>Requests that make the server send mail share one budget per address, form and API alike.</summary>
public sealed class AccountEmailLimitTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:AccountEmailsPerMinute", "3");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgotPasswordRegisterAndResend_ShareTheBudget_ApiAnswersProblemDetails_FormsAPage()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetAsync("/culture?c=en&redirectUri=/", Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/auth/forgotPassword", ApiClient.Json("""{ "email": "a@test.local" }"""), Ct)).StatusCode);
        // Without a mail server the page explains that self-service reset is unavailable; a post still counts.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/ForgotPassword/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "b@test.local" }), Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests,
            (await client.PostAsync("/api/v1/auth/resendConfirmationEmail/", ApiClient.Json("""{ "email": "c@test.local" }"""), Ct)).StatusCode);

        var api = await client.PostAsync("/api/v1/auth/register", ApiClient.Json("""{ "email": "d@test.local", "password": "Strong-Pass-2026" }"""), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var form = await client.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = "e@test.local", ["Input.Password"] = "Strong-Pass-2026", ["Input.ConfirmPassword"] = "Strong-Pass-2026",
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains("Too many attempts", page, StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>Defect 6: FAQ search log and votes are budgeted per address like diagnoses.</summary>
public sealed class FaqWriteLimitTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory()
        .With("WalletHelp:RateLimits:FaqSearchesPerMinute", "3")
        .With("WalletHelp:RateLimits:FaqVotesPerMinute", "2");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task FaqSearchApi_OverTheBudget_Is429AndWritesNoMoreLogRows()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync($"/api/v1/faq?q=%E5%86%BB%E7%BB%93{i}", Ct)).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        // The log is written in batches off the request path: wait for the writer before counting.
        Assert.True(await factory.Services.GetRequiredService<FaqSearchLog>().FlushAsync(TimeSpan.FromSeconds(30), Ct));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Equal(3, await db.Set<FaqSearchQuery>().CountAsync(Ct));
        // Listing without a query writes nothing and is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/faq", Ct)).StatusCode);
    }

    [Fact]
    public async Task FaqVotes_OverTheBudget_AreRefusedWithTheWait()
    {
        using var scope = factory.Services.CreateScope();
        var faq = scope.ServiceProvider.GetRequiredService<FaqService>();
        var article = (await faq.ListAsync("zh-CN", null, Ct))[0];

        Assert.True(await faq.VoteAsync(article.Id, true, null, "zh-CN", Ct, client: "203.0.113.9"));
        Assert.True(await faq.VoteAsync(article.Id, false, "太长", "zh-CN", Ct, client: "203.0.113.9"));
        var refused = await Assert.ThrowsAsync<WriteLimitExceededException>(() => faq.VoteAsync(article.Id, true, null, "zh-CN", Ct, client: "203.0.113.9"));
        Assert.InRange(refused.RetryAfterSeconds, 1, 60);
        // Another address has its own budget.
        Assert.True(await faq.VoteAsync(article.Id, true, null, "zh-CN", Ct, client: "198.51.100.7"));
    }

    public void Dispose() => factory.Dispose();
}

public sealed class LimitedWizardHost() : WizardHost(new WalletHelpFactory()
    .With("WalletHelp:RateLimits:DiagnosesPerMinute", "2")
    .With("WalletHelp:RateLimits:FeedbackPerMinute", "1"));

/// <summary>Defect 6: the wizard spends the same diagnosis budget as the API and meets the same length limits.</summary>
public sealed class WizardWriteLimitTests(LimitedWizardHost host) : WizardTestBase(host), IClassFixture<LimitedWizardHost>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> StoredDiagnosesAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Diagnoses.CountAsync(Ct);
    }

    private IRenderedComponent<WalletHelp.Web.Components.Pages.Diagnose.DiagnoseWizard> RenderAtLastStep(string rejectionMessage)
    {
        Store.Saved[Symptom.ApplicationRejected] = new(new DiagnosisInput
        {
            Symptom = Symptom.ApplicationRejected,
            Personal = new PersonalInput { Name = "张三", IdNumber = "11010519491231002X" },
            Application = new ApplicationInput { RejectionMessage = rejectionMessage },
        }, 0, []);
        var cut = RenderWizard("application-rejected");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid='wizard-state']").GetAttribute("data-restored")), Wait);
        cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-application']").Click()).GetAwaiter().GetResult();
        return cut;
    }

    [Fact]
    public async Task Wizard_AfterTheApiSpentTheBudget_ShowsTheWaitAndStoresNothing()
    {
        var api = Host.Factory.CreateClient();
        const string body = """{ "symptom": "try-again-later" }""";
        while ((await api.PostAsync("/api/v1/diagnoses", ApiClient.Json(body), Ct)).StatusCode == HttpStatusCode.Created)
        {
        }
        var before = await StoredDiagnosesAsync();
        var cut = RenderAtLastStep("身份信息校验未通过");

        await cut.InvokeAsync(() => cut.Find("[data-testid='wizard-submit']").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='wizard-rate-limited']")), Wait);
        Assert.Contains("秒", cut.Find("[data-testid='wizard-rate-limited']").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredDiagnosesAsync());
        // Nothing is lost: the answers are still in the wizard.
        Assert.Equal("身份信息校验未通过", Store.Saved[Symptom.ApplicationRejected].Input.Application!.RejectionMessage);
    }

    [Fact]
    public async Task Wizard_RejectionMessageOverTheLimit_IsRefusedNotStored()
    {
        var before = await StoredDiagnosesAsync();
        var cut = RenderAtLastStep(new string('长', 12_002));

        await cut.InvokeAsync(() => cut.Find("[data-testid='wizard-submit']").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='wizard-too-long']")), Wait);
        Assert.Equal(before, await StoredDiagnosesAsync());
    }

    [Fact]
    public async Task Service_RefusesTooLongInputFromAnyCaller()
    {
        var service = Host.Services.GetRequiredService<DiagnosisService>();
        var input = new DiagnosisInput
        {
            Symptom = Symptom.ApplicationRejected,
            Bank = new BankInput { Branch = new string('支', InputLimits.MaxText + 1) },
        };
        var refused = await Assert.ThrowsAsync<InputTooLongException>(() =>
            service.RunAsync(input, "zh-CN", new Requester(null, null, IsStaff: false), Ct));
        Assert.Equal("bank.branch", Assert.Single(refused.Fields).Field);
    }

    [Fact]
    public async Task Feedback_OverTheBudget_IsRefused()
    {
        var service = Host.Services.GetRequiredService<DiagnosisService>();
        var view = await service.RunAsync(new DiagnosisInput { Symptom = Symptom.TryAgainLater }, "zh-CN", new Requester(null, null, false), Ct);
        Assert.True(await service.RecordHelpfulAsync(view.Reference, true, null, Ct, client: "192.0.2.1"));
        await Assert.ThrowsAsync<WriteLimitExceededException>(() => service.RecordHelpfulAsync(view.Reference, false, "再试", Ct, client: "192.0.2.1"));
    }
}
