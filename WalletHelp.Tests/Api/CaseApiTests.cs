using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Api;

/// <summary>
/// The case workflow over the API: GET shows status, reason, words, assignee and (for a guided call) the creator;
/// PATCH …/case changes them by the case page's rules, 400 problem details naming the field otherwise (real SQLite file).
/// </summary>
public sealed class CaseApiTests(CaseApiTests.Factory factory) : IClassFixture<CaseApiTests.Factory>
{
    /// <summary>Every test signs in by the API: more sign-ins per minute than the product's default allows.</summary>
    public sealed class Factory : WalletHelpFactory
    {
        public Factory() => With("WalletHelp:RateLimits:SignInPerMinute", "1000");
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private DiagnosisService Service => factory.Services.GetRequiredService<DiagnosisService>();

    private static readonly DiagnosisInput Input = new()
    {
        Symptom = Symptom.ApplicationRejected,
        Personal = new PersonalInput { Name = "张三", IdNumber = "11010519491231002X" },
    };

    private Task<DiagnosisView> RunAsync() => Service.RunAsync(Input, "zh-CN", new Requester(null, "b", false), Ct);

    private Task<HttpClient> AgentAsync() => factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string reference, string json, string? query = null) =>
        client.PatchAsync($"/api/v1/diagnoses/{reference}/case{query}", ApiClient.Json(json), Ct);

    [Fact]
    public async Task Get_ShowsStatusReasonWordsAssignee_AndTheCreatorOfAGuidedCall()
    {
        var agent = await AgentAsync();
        var self = await RunAsync();
        var body = await (await agent.GetAsync($"/api/v1/diagnoses/{self.Reference}", Ct)).ReadJsonAsync();
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("assignee").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("creator").ValueKind);

        var guide = new AuditActor("guide-id", "guide@test.local", "127.0.0.1");
        var guided = await Service.RunGuidedAsync(Input, "zh-CN", new Requester("guide-id", "agent-browser", true), guide, Ct);
        await Service.ChangeCaseAsync(guided.Reference, new CaseChange("escalated", "identity-check", "请临柜核验", CaseChange.Me), guide, Ct);

        body = await (await agent.GetAsync($"/api/v1/diagnoses/{guided.Reference}", Ct)).ReadJsonAsync();
        Assert.Equal("escalated", body.GetProperty("status").GetString());
        Assert.Equal("identity-check", body.GetProperty("reason").GetString());
        Assert.Equal("请临柜核验", body.GetProperty("reasonText").GetString());
        Assert.Equal("guide@test.local", body.GetProperty("assignee").GetProperty("name").GetString());
        Assert.Equal("guided-call", body.GetProperty("creator").GetProperty("kind").GetString());
        Assert.Equal("guide@test.local", body.GetProperty("creator").GetProperty("name").GetString());
        Assert.Contains("110105********002X", body.GetProperty("input").GetRawText());
    }

    [Fact]
    public async Task Patch_ResolveWithReasonAndAssignToMe_IsKeptInHistoryAndAudit_WordsScrubbed()
    {
        var agent = await AgentAsync();
        var view = await RunAsync();

        var response = await PatchAsync(agent, view.Reference,
            """{ "status": "resolved", "reason": "explained", "reasonText": "told them 11010519491231002X is fine", "assignee": "me" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("resolved", body.GetProperty("status").GetString());
        Assert.Equal("explained", body.GetProperty("reason").GetString());
        Assert.Contains("110105********002X", body.GetProperty("reasonText").GetString());
        Assert.DoesNotContain("11010519491231002X", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(WalletHelpFactory.AgentEmail, body.GetProperty("assignee").GetProperty("name").GetString());
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, e => Assert.Equal(WalletHelpFactory.AgentEmail, e.GetProperty("actor").GetString()));
        Assert.Contains(history, e => e.GetProperty("kind").GetString() == "status" && e.GetProperty("to").GetString() == "resolved");

        // The page sees the same case.
        var stored = (await Service.FindForAsync(view.Reference, new Requester(null, null, true), Ct))!;
        Assert.Equal("resolved", stored.Status);
        Assert.Equal(WalletHelpFactory.AgentEmail, stored.AssigneeName);
        var audit = await factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: "case"), Ct);
        Assert.Contains(audit.Items, e => e.Action == AuditActions.CaseStatusChanged && e.Target == view.Reference && e.Actor == WalletHelpFactory.AgentEmail);
        Assert.Contains(audit.Items, e => e.Action == AuditActions.CaseAssigned && e.Target == view.Reference);

        // Then to nobody, and to a colleague by email.
        response = await PatchAsync(agent, view.Reference, """{ "assignee": "" }""");
        Assert.Equal(JsonValueKind.Null, (await response.ReadJsonAsync()).GetProperty("assignee").ValueKind);
        response = await PatchAsync(agent, view.Reference, $$"""{ "assignee": "{{WalletHelpFactory.AdminEmail.ToUpperInvariant()}}" }""");
        Assert.Equal(WalletHelpFactory.AdminEmail, (await response.ReadJsonAsync()).GetProperty("assignee").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{ "status": "resolved" }""", "reason", "Pick a reason.")]
    [InlineData("""{ "status": "resolved", "reason": "risk-review" }""", "reason", "not in the list")]
    [InlineData("""{ "status": "closed" }""", "status", "Unknown status")]
    [InlineData("""{ "status": "waiting-on-user", "reason": "explained" }""", "reason", "Only resolved and escalated")]
    [InlineData("""{ "reason": "explained" }""", "status", "give the status too")]
    [InlineData("""{ }""", "$", "Nothing to change")]
    [InlineData("""{ "assignee": "nobody@example.com" }""", "assignee", "No agent or admin")]
    [InlineData("""{ "status": 3 }""", "status", "must be a string")]
    [InlineData("""{ "status": "open", "colour": "red" }""", "$", "not a JSON object")]
    [InlineData("""[1, 2]""", "$", "not a JSON object")]
    public async Task Patch_BadInput_Is400NamingTheField_NothingChanges(string json, string field, string message)
    {
        var agent = await AgentAsync();
        var view = await RunAsync();

        var response = await PatchAsync(agent, view.Reference, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());
        var stored = (await Service.FindForAsync(view.Reference, new Requester(null, null, true), Ct))!;
        Assert.Equal("open", stored.Status);
        Assert.Null(stored.AssigneeName);
        Assert.Empty(stored.CaseEvents);
    }

    [Fact]
    public async Task Patch_MessagesInChineseOnRequest_404ForUnknown_401And403()
    {
        var agent = await AgentAsync();
        var view = await RunAsync();

        var zh = await PatchAsync(agent, view.Reference, """{ "status": "escalated" }""", "?lang=zh-CN");
        Assert.Equal("请选择原因。", (await zh.ReadJsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(agent, "WH-ZZZZ-ZZZZ", """{ "status": "open" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await agent.PatchAsync($"/api/v1/diagnoses/{view.Reference}/case", new StringContent("status=open"), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PatchAsync(factory.CreateClient(), view.Reference, """{ "status": "open" }""")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<WalletHelp.Web.Data.ApplicationUser>>();
            if (await users.FindByEmailAsync("plain-case@test.local") is null)
            {
                await users.CreateAsync(new WalletHelp.Web.Data.ApplicationUser
                {
                    UserName = "plain-case@test.local", Email = "plain-case@test.local", EmailConfirmed = true,
                }, "Plain-Pass-123!");
            }
        }
        var plain = await factory.CreateBearerClientAsync("plain-case@test.local", "Plain-Pass-123!");
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(plain, view.Reference, """{ "status": "open" }""")).StatusCode);
        Assert.Equal("open", (await Service.FindForAsync(view.Reference, new Requester(null, null, true), Ct))!.Status);
    }

    [Fact]
    public async Task Patch_AssigningToAPlainUser_Is400()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<WalletHelp.Web.Data.ApplicationUser>>();
            if (await users.FindByEmailAsync("plain-assignee@test.local") is null)
            {
                await users.CreateAsync(new WalletHelp.Web.Data.ApplicationUser
                {
                    UserName = "plain-assignee@test.local", Email = "plain-assignee@test.local", EmailConfirmed = true,
                }, "Plain-Pass-123!");
            }
        }
        var view = await RunAsync();
        var response = await PatchAsync(await AgentAsync(), view.Reference, """{ "assignee": "plain-assignee@test.local" }""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("assignee", out _));
    }
}
