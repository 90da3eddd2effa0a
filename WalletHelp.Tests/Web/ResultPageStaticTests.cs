using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Tests.Web;

/// <summary>
/// Issue 13, item 1: the result page <c>/diagnoses/{reference}</c> is static HTML without a circuit; only asking an
/// agent for help (or a live assist session of this browser) brings in the interactive live-assist island. It is
/// personal: never shared from the output cache, and its form posts keep the page's access rule.
/// </summary>
public sealed class ResultPageStaticTests : IDisposable
{
    private const string CircuitMarker = "<!--Blazor:{\"type\":\"server\"";

    private const string RiskRequest = """
        { "symptom": "application-rejected", "language": "zh-CN",
          "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000" },
          "application": { "rejectionMessage": "因风控原因，暂无法为您开立钱包" } }
        """;

    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A browser (cookies kept) that ran a diagnosis through the API, as the wizard's browser would.</summary>
    private async Task<(HttpClient Client, string Reference)> OwnerAsync()
    {
        var (client, reference, _) = await OwnerWithIdAsync();
        return (client, reference);
    }

    private async Task<(HttpClient Client, string Reference, string BrowserId)> OwnerWithIdAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/api/v1/diagnoses", new StringContent(RiskRequest, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("reference").GetString()!;
        // The browser id the API gave this browser with its first diagnosis.
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wh_browser=", StringComparison.Ordinal));
        var browserId = cookie["wh_browser=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        return (client, reference, browserId);
    }

    private static async Task<Dictionary<string, string>> TokenAsync(HttpClient client)
    {
        var token = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/antiforgery/token", Ct)).RootElement;
        return new Dictionary<string, string> { [token.GetProperty("field").GetString()!] = token.GetProperty("token").GetString()! };
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form) =>
        client.PostAsync(url, new FormUrlEncodedContent(form), Ct);

    [Fact]
    public async Task ResultPage_IsStaticHtmlWithoutCircuit_AndShowsWhatItShowedBefore()
    {
        var (owner, reference) = await OwnerAsync();

        var response = await owner.GetAsync($"/diagnoses/{reference}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(CircuitMarker, html, StringComparison.Ordinal);
        Assert.Contains("data-static-page=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"contact-support\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"finding-AP-RISK-HOLD\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"reference\">{reference}<", html, StringComparison.Ordinal);
        // Copy and print are one click by script; the feedback and "get help" are form posts that fetch their token.
        Assert.Contains($"data-wh-copy=\"{reference}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-wh-print", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"helpful-form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"assist-start\"", html, StringComparison.Ordinal);
        Assert.Matches("<form[^>]*data-wh-antiforgery[^>]*data-testid=\"assist-start-form\"", html);
        Assert.Matches("<script src=\"/?js/result[^\"]*\\.js\"", html);
        // Not for caches between the person and the server either.
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_IsPersonal_NeverServedFromTheOutputCacheToAnotherBrowser()
    {
        var (owner, reference) = await OwnerAsync();
        Assert.Contains("data-testid=\"outcome-banner\"", await owner.GetStringAsync($"/diagnoses/{reference}", Ct), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"outcome-banner\"", await owner.GetStringAsync($"/diagnoses/{reference}", Ct), StringComparison.Ordinal);

        // Right after the owner's requests, a browser without the owner's id (and one with another id) is told nothing.
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var html = await anonymous.GetStringAsync($"/diagnoses/{reference}", Ct);
        Assert.Contains("data-testid=\"result-not-found\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"outcome-banner\"", html, StringComparison.Ordinal);
        var other = factory.CreateBrowserLikeClient();
        Assert.Contains("data-testid=\"result-not-found\"", await other.GetStringAsync($"/diagnoses/{reference}", Ct), StringComparison.Ordinal);

        // Staff see it (with rule codes), also right after the owner.
        var agent = factory.CreateBrowserLikeClient();
        Assert.True((await agent.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());
        var staff = await agent.GetStringAsync($"/diagnoses/{reference}", Ct);
        Assert.Contains("data-testid=\"outcome-banner\"", staff, StringComparison.Ordinal);
        Assert.Contains("AP-RISK-HOLD</code>", staff, StringComparison.Ordinal);
        Assert.DoesNotContain(CircuitMarker, staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpfulVote_IsAFormPostWithoutCircuit_RecordedWithTheComment_OnlyForTheOwner()
    {
        var (owner, reference) = await OwnerAsync();
        var url = $"/diagnoses/{reference}";
        var form = await TokenAsync(owner);
        form["_handler"] = "result-helpful";
        form["Feedback.Helpful"] = "false";
        form["Feedback.Comment"] = "没说清楚去哪个网点";
        form["Feedback.Send"] = "true";

        var response = await PostAsync(owner, url, form);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"helpful-thanks\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"helpful-yes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CircuitMarker, html, StringComparison.Ordinal);
        Assert.Equal((false, "没说清楚去哪个网点"), await StoredAsync(reference));

        // Without the token: refused, nothing changes.
        var noToken = new Dictionary<string, string>(form) { ["Feedback.Helpful"] = "true" };
        noToken.Remove(form.Keys.First());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(owner, url, noToken)).StatusCode);
        // Another browser, with a valid token of its own: the page shows it nothing, so there is no form to post to.
        var stranger = factory.CreateBrowserLikeClient();
        var strangerForm = await TokenAsync(stranger);
        foreach (var (key, value) in form.Skip(1)) strangerForm[key] = key == "Feedback.Helpful" ? "true" : value;
        var refused = await PostAsync(stranger, url, strangerForm);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal((false, "没说清楚去哪个网点"), await StoredAsync(reference));
    }

    [Fact]
    public async Task HelpfulChoice_WithoutScript_OpensTheCommentBoxAndRecordsNothingYet()
    {
        var (owner, reference) = await OwnerAsync();
        var form = await TokenAsync(owner);
        form["_handler"] = "result-helpful";
        form["Feedback.Choice"] = "true";

        var html = await (await PostAsync(owner, $"/diagnoses/{reference}", form)).Content.ReadAsStringAsync(Ct);

        Assert.Matches("aria-pressed=\"true\"[^>]*data-testid=\"helpful-yes\"", html);
        Assert.Matches("<div id=\"helpful-more\"(?![^>]*hidden)", html);
        Assert.Equal((null, null), await StoredAsync(reference));
    }

    [Fact]
    public async Task AskingForAssist_BringsInTheInteractiveIslandOnly_AndALiveSessionKeepsIt()
    {
        var (owner, reference, browserId) = await OwnerWithIdAsync();
        var url = $"/diagnoses/{reference}";
        var form = await TokenAsync(owner);
        form["_handler"] = "result-assist";

        var html = await (await PostAsync(owner, url, form)).Content.ReadAsStringAsync(Ct);

        // One server component: the assist island (the rest of the page stays static).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(CircuitMarker)));
        Assert.Contains("data-static-page=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"assist-panel\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"assist-start-form\"", html, StringComparison.Ordinal);

        // No session was started by the post itself (the island asks once its circuit is up): a plain visit is static.
        Assert.DoesNotContain(CircuitMarker, await owner.GetStringAsync(url, Ct), StringComparison.Ordinal);

        // With a live session of this browser (say, started in the wizard) the page brings the island at once.
        var sessions = factory.Services.GetRequiredService<AssistService>().Sessions;
        var started = sessions.Start(AssistUserSession.OwnerOf(browserId));
        var live = await owner.GetStringAsync(url, Ct);
        Assert.Contains(CircuitMarker, live, StringComparison.Ordinal);
        // …and only for that browser's page: another browser's result page stays static.
        var (other, otherReference) = await OwnerAsync();
        Assert.DoesNotContain(CircuitMarker, await other.GetStringAsync($"/diagnoses/{otherReference}", Ct), StringComparison.Ordinal);

        sessions.End(started.SessionId, InMemoryAssistSessions.EndedByUser);
        Assert.DoesNotContain(CircuitMarker, await owner.GetStringAsync(url, Ct), StringComparison.Ordinal);
    }

    private async Task<(bool? Helpful, string? Comment)> StoredAsync(string reference)
    {
        using var scope = factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Diagnoses.AsNoTracking()
            .SingleAsync(d => d.Reference == reference, Ct);
        return (record.Helpful, record.HelpfulComment);
    }

    public void Dispose() => factory.Dispose();
}
