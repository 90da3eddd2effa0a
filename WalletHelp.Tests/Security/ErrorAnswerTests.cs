using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Security;

/// <summary>
/// Defects 1 and 9, against the app as published (Production: no developer exception page): inputs that used to
/// end in a 500 get a 4xx or a safe redirect, and every 4xx under /api has a problem-details body.
/// </summary>
public sealed class ErrorAnswerTests : IClassFixture<ErrorAnswerTests.ProductionFactory>
{
    public sealed class ProductionFactory : WalletHelpFactory
    {
        public ProductionFactory() => InEnvironment("Production");
    }

    private readonly ProductionFactory factory;

    public ErrorAnswerTests(ProductionFactory factory) => this.factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient NoRedirects() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task FaqSearch_WithNul_IsAnAnswerNotA500()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/faq?q=%E5%86%BB%00%E7%BB%93", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Culture_WithAnUnsafeTarget_RedirectsHome(string target)
    {
        var response = await NoRedirects().GetAsync("/culture?c=en&redirectUri=" + target, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_WithASitePath_GoesBackThere()
    {
        var response = await NoRedirects().GetAsync("/culture?c=en&redirectUri=%2Ffaq%3Fq%3Da", Ct);
        Assert.Equal("/faq?q=a", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Is400()
    {
        var response = await NoRedirects().PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_FromTheMenuForm_SignsOutAndGoesHome()
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.True((await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());
        var home = await client.GetStringAsync("/", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(home,
            "action=\"/Account/Logout\".*?name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(token);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "/",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var agent = await client.GetAsync("/agent", Ct);
        Assert.True(agent.IsRedirect());
        Assert.Contains("/Account/Login", agent.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_WithAStaleToken_Is401ProblemDetails()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/refresh", ApiClient.Json("""{ "refreshToken": "stale" }"""), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Api_Anonymous_Is401ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/diagnoses/WH-0000-0000", Ct);
        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Api_SignedInWithoutRole_Is403ProblemDetails()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync("plain@test.local") is null)
            {
                await users.CreateAsync(new ApplicationUser { UserName = "plain@test.local", Email = "plain@test.local", EmailConfirmed = true }, "Plain-Pass-123!");
            }
        }
        var client = await factory.CreateBearerClientAsync("plain@test.local", "Plain-Pass-123!");
        var response = await client.GetAsync("/api/v1/diagnoses/WH-0000-0000", Ct);
        await AssertProblemAsync(response, 403);
    }

    [Fact]
    public async Task Api_UnknownRouteAndWrongMethod_AreProblemDetails()
    {
        await AssertProblemAsync(await factory.CreateClient().GetAsync("/api/v1/no-such-thing", Ct), 404);
        await AssertProblemAsync(await factory.CreateClient().PutAsync("/api/v1/faq", ApiClient.Json("{}"), Ct), 405);
    }

    [Fact]
    public async Task Api_BadJsonToABoundEndpoint_IsProblemDetails()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.PostAsync("/api/v1/status/maintenance", ApiClient.Json("{ not json"), Ct);
        await AssertProblemAsync(response, 400);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
    }
}
