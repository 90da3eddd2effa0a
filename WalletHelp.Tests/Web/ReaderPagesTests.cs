using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Faq;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Web;

/// <summary>
/// Issue 13, items 1–2: the readers' pages are static HTML (no circuit) with the content they had, and anonymous
/// reader pages and the FAQ/status API come from the output cache, per language, evicted when the data changes.
/// </summary>
public sealed partial class ReaderPagesTests : IDisposable
{
    private const string CircuitMarker = "<!--Blazor:{\"type\":\"server\"";

    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private HttpClient Anonymous() =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static TheoryData<string, string[]> ReaderPages => new()
    {
        // path, then text and test ids the page showed before it became static
        { "/", ["诊断我的问题", "data-testid=\"home-heading\"", "data-testid=\"start-diagnosis\"", "data-testid=\"read-faq\""] },
        { "/diagnose", ["data-testid=\"app-message-question\"", "data-testid=\"symptom-application-rejected\"", "data-testid=\"symptom-account-frozen\"", "系统维护"] },
        { "/faq", ["data-testid=\"faq-search\"", "data-testid=\"faq-categories\"", "data-testid=\"faq-link\"", "href=\"/faq/wallet-security\""] },
        { "/faq/wallet-security", ["如何保护钱包安全？", "data-testid=\"faq-body\"", "data-testid=\"faq-vote-yes\"", "data-testid=\"faq-related\""] },
        { "/faq/does-not-exist", ["data-testid=\"faq-not-found\""] },
        { "/status", ["data-testid=\"status-all-good\""] },
    };

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task ReaderPage_IsStaticHtml_WithoutCircuitOrCookie_AndShowsItsContent(string path, string[] expected)
    {
        var response = await Anonymous().GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(CircuitMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor-Server-Component-State", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie: {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        // The layout is there: navigation, language switch, sign-in link, the script that wires the static page.
        Assert.Contains("data-testid=\"nav\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lang-en\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("data-static-page=\"true\"", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/?_framework/blazor\\.web[^\"]*\\.js\"", html);
        Assert.Matches("<script src=\"/?js/reader[^\"]*\\.js\"", html);
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/my/diagnoses")]
    public async Task AccountPages_StillRunOnACircuit(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        if (path.StartsWith("/my", StringComparison.Ordinal))
        {
            Assert.True((await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());
        }
        var html = await client.GetStringAsync(path, Ct);
        Assert.Contains(CircuitMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-static-page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousReaderPagesAndApi_ComeFromTheCache_WithTheNonceOfTheirPolicy()
    {
        var client = Anonymous();
        foreach (var path in new[] { "/", "/faq", "/faq/wallet-security", "/status", "/diagnose", "/api/v1/faq", "/api/v1/faq/wallet-security", "/api/v1/status" })
        {
            var first = await client.GetAsync(path, Ct);
            var second = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(second.Headers.Age is not null, $"{path} was not served from the output cache");
            Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }
            // The cached HTML's import map carries the nonce of the policy sent with it.
            var policy = string.Join(" ", second.Headers.GetValues("Content-Security-Policy"));
            var nonce = Regex.Match(policy, "'nonce-([0-9a-f]+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignedInReaders_AreNeverServedFromTheCache()
    {
        await Anonymous().GetAsync("/faq", Ct); // an anonymous copy exists
        var client = factory.CreateBrowserLikeClient();
        Assert.True((await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());

        var first = await client.GetAsync("/faq", Ct);
        var second = await client.GetAsync("/faq", Ct);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        // The signed-in layout (own name, sign-out form) — never the anonymous one from the cache.
        var html = await second.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"sign-out\"", html, StringComparison.Ordinal);
        Assert.Contains(WalletHelpFactory.AgentEmail, html, StringComparison.Ordinal);
        // …and anonymous readers never get theirs.
        Assert.DoesNotContain(WalletHelpFactory.AgentEmail, await Anonymous().GetStringAsync("/faq", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishAndChinese_AreCachedSeparately()
    {
        var chinese = Anonymous();
        var english = Anonymous();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        for (var round = 0; round < 2; round++)
        {
            var zh = await chinese.GetAsync("/", Ct);
            var en = await english.GetAsync("/", Ct);
            Assert.Contains("诊断我的问题", await zh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Contains("Diagnose my problem", await en.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\"", await en.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            if (round == 1)
            {
                Assert.NotNull(zh.Headers.Age);
                Assert.NotNull(en.Headers.Age);
            }
        }
        // The API's ?lang= is part of the key too.
        var enArticle = await chinese.GetStringAsync("/api/v1/faq/opening-time?lang=en", Ct);
        var zhArticle = await chinese.GetStringAsync("/api/v1/faq/opening-time", Ct);
        Assert.Contains("How long does opening a wallet take?", enArticle, StringComparison.Ordinal);
        Assert.DoesNotContain("How long does opening a wallet take?", zhArticle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedArticle_TheNextAnonymousRequestShowsTheNewText()
    {
        var client = Anonymous();
        // Cached before the edit: the page, the index, the API answer.
        Assert.DoesNotContain("缓存驱逐测试段落", await client.GetStringAsync("/faq/network-problems", Ct), StringComparison.Ordinal);
        await client.GetStringAsync("/faq", Ct);
        await client.GetStringAsync("/api/v1/faq/network-problems", Ct);
        Assert.NotNull((await client.GetAsync("/faq/network-problems", Ct)).Headers.Age);

        using (var scope = factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<FaqAdminService>();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var id = await db.FaqArticles.Where(a => a.Slug == "network-problems").Select(a => a.Id).SingleAsync(Ct);
            var model = (await admin.GetAsync(id, Ct))!;
            model.TitleZh = "网络问题（缓存驱逐测试标题）";
            model.BodyZh += "\n\n缓存驱逐测试段落。";
            Assert.Equal(FaqSaveOutcome.Saved, (await admin.SaveAsync(model, FaqSaveAction.Publish, "tester", Ct)).Outcome);
        }

        var page = await client.GetAsync("/faq/network-problems", Ct);
        Assert.Null(page.Headers.Age);
        Assert.Contains("缓存驱逐测试段落", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("网络问题（缓存驱逐测试标题）", await client.GetStringAsync("/faq", Ct), StringComparison.Ordinal);
        Assert.Contains("缓存驱逐测试段落", await client.GetStringAsync("/api/v1/faq/network-problems", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewArticleAndRenamedCategory_ShowOnTheNextRequest()
    {
        var client = Anonymous();
        Assert.Contains("data-testid=\"faq-not-found\"", await client.GetStringAsync("/faq/cache-new-article", Ct), StringComparison.Ordinal);
        await client.GetStringAsync("/faq", Ct);

        using (var scope = factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<FaqAdminService>();
            var category = (await admin.CategoriesAsync(Ct))[0];
            Assert.Equal(FaqSaveOutcome.Saved, (await admin.SaveAsync(new FaqEditModel
            {
                Slug = "cache-new-article", CategoryId = category.Id, TitleZh = "新发布的文章", BodyZh = "新发布的正文。",
            }, FaqSaveAction.Publish, "tester", Ct)).Outcome);
            Assert.True(await admin.RenameCategoryAsync(category.Id, "改过名的分类", "Renamed category", Ct));
        }

        Assert.Contains("新发布的正文。", await client.GetStringAsync("/faq/cache-new-article", Ct), StringComparison.Ordinal);
        var index = await client.GetStringAsync("/faq", Ct);
        Assert.Contains("新发布的文章", index, StringComparison.Ordinal);
        Assert.Contains("改过名的分类", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusChange_TheNextStatusPageAndBannerShowIt()
    {
        var client = Anonymous();
        Assert.Contains("data-testid=\"status-all-good\"", await client.GetStringAsync("/status", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"service-banner\"", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
        await client.GetStringAsync("/api/v1/status", Ct);
        Assert.NotNull((await client.GetAsync("/status", Ct)).Headers.Age);

        long id;
        using (var scope = factory.Services.CreateScope())
        {
            var status = scope.ServiceProvider.GetRequiredService<ServiceStatusService>();
            var saved = await status.AddIncidentAsync(new IncidentInput(null, null, "缓存测试故障", "Cache test outage", AffectsOpening: true),
                AuditActor.Named("tester"), Ct);
            id = saved.Saved!.Id;
        }

        var statusPage = await client.GetStringAsync("/status", Ct);
        Assert.Contains("缓存测试故障", statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"status-all-good\"", statusPage, StringComparison.Ordinal);
        Assert.Contains("缓存测试故障", await client.GetStringAsync("/", Ct), StringComparison.Ordinal); // the banner
        Assert.Contains("缓存测试故障", await client.GetStringAsync("/api/v1/status", Ct), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ServiceStatusService>().ResolveIncidentAsync(id, AuditActor.Named("tester"), Ct));
        }
        Assert.DoesNotContain("data-testid=\"service-banner\"", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpcomingMaintenance_CachedPagesExpireWhenItStarts()
    {
        var client = Anonymous();
        // Warm: a cold first render on a slow machine must not eat the lead time below.
        await client.GetStringAsync("/", Ct);
        DateTimeOffset starts;
        using (var scope = factory.Services.CreateScope())
        {
            var status = scope.ServiceProvider.GetRequiredService<ServiceStatusService>();
            starts = DateTimeOffset.UtcNow.AddSeconds(3);
            await status.AddMaintenanceAsync(new MaintenanceInput(starts, starts.AddHours(1), "缓存到期维护", null), AuditActor.Named("tester"), Ct);
        }
        var before = await client.GetStringAsync("/", Ct);
        Assert.True(DateTimeOffset.UtcNow < starts, "the machine took the whole lead time: the page before the start was not read in time");
        Assert.DoesNotContain("data-testid=\"service-banner\"", before, StringComparison.Ordinal);
        await Task.Delay(starts - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Ct);
        // No write happened at the start: the entry was stored only until then.
        Assert.Contains("缓存到期维护", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaqSearches_AreNotCached_SoEveryOneIsLogged()
    {
        var client = Anonymous();
        for (var i = 0; i < 2; i++)
        {
            var page = await client.GetAsync("/faq?q=%E5%86%BB%E7%BB%93", Ct);
            Assert.Null(page.Headers.Age);
            Assert.Contains("data-testid=\"faq-result\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Null((await client.GetAsync("/api/v1/faq?q=%E5%86%BB%E7%BB%93", Ct)).Headers.Age);
        }
        // The search log is written in batches off the request path: wait until what was queued is written.
        Assert.True(await factory.Services.GetRequiredService<FaqSearchLog>().FlushAsync(TimeSpan.FromSeconds(30), Ct));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Equal(4, await db.Set<FaqSearchQuery>().CountAsync(q => q.Query == "冻结", Ct));
    }

    [Fact]
    public async Task FaqVote_IsAFormPostWithAFetchedToken_RecordedOnceWithTheComment()
    {
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/faq/credit-record", Ct);
        // The cacheable page carries no token of its own; the form says it needs one.
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("data-wh-antiforgery", page, StringComparison.Ordinal);

        var token = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/antiforgery/token", Ct)).RootElement;
        var form = new Dictionary<string, string>
        {
            [token.GetProperty("field").GetString()!] = token.GetProperty("token").GetString()!,
            ["_handler"] = "faq-vote",
            ["Vote.Helpful"] = "false",
            ["Vote.Comment"] = "缺少征信查询的具体网址",
        };
        var response = await client.PostAsync("/faq/credit-record", new FormUrlEncodedContent(form), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"faq-vote-thanks\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"faq-vote-yes\"", html, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var vote = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<FaqArticleVote>().SingleAsync(Ct);
        Assert.False(vote.Helpful);
        Assert.Equal("缺少征信查询的具体网址", vote.Comment);

        // Without the token the post is refused and records nothing.
        form.Remove(token.GetProperty("field").GetString()!);
        var refused = await Anonymous().PostAsync("/faq/credit-record", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<FaqArticleVote>().CountAsync(Ct));
    }

    [Fact]
    public async Task TriageShortcut_PostsRunTheShortDiagnosisAndOpenItsAnswerInThisBrowser()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/diagnose/app-message",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["message"] = "later" }), Ct);

        Assert.True(response.IsRedirect());
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/diagnoses/WH-", location, StringComparison.Ordinal);
        // The browser that asked owns the result (it got its browser id with the answer).
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wh_browser=", StringComparison.Ordinal));
        var result = await client.GetStringAsync(location, Ct);
        Assert.Contains("data-outcome=\"ready\"", result, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"result-not-found\"", await Anonymous().GetStringAsync(location, Ct), StringComparison.Ordinal);

        // The risk message answers on the (static) triage page itself, focused, with no field to fill.
        var risk = await Anonymous().GetStringAsync("/diagnose?message=risk", Ct);
        Assert.Contains("data-testid=\"app-message-answer-risk\"", risk, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"app-message-risk-heading\"|data-wh-focus", risk);
        Assert.DoesNotMatch("<input(?![^>]*type=\"hidden\")", risk);
    }

    public void Dispose() => factory.Dispose();
}
