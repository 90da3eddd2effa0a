using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Admin;

/// <summary>GET/PUT /api/v1/rules/parameters: numbered sets, If-Match, validation, and the next diagnosis using the set.</summary>
public sealed class RuleParametersApiTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> AdminAsync() => factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

    private static HttpRequestMessage Put(string? ifMatch, JsonNode body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/rules/parameters") { Content = ApiClient.Json(body.ToJsonString()) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static JsonNode Edited(JsonElement current, decimal class4PerPayment, string reason = "tighter class 4 payments")
    {
        var parameters = JsonNode.Parse(current.GetProperty("parameters").GetRawText())!;
        parameters["walletClassLimits"]!["4"]!["perPayment"] = class4PerPayment;
        return new JsonObject { ["reason"] = reason, ["parameters"] = parameters };
    }

    private async Task<JsonElement> DiagnoseClass4PaymentAsync(decimal amount) =>
        await (await factory.CreateClient().PostAsync("/api/v1/diagnoses", ApiClient.Json(
            $$"""{ "symptom": "transaction-failed", "walletClass": 4, "transaction": { "kind": "payment", "amount": {{amount}} } }"""), Ct)).ReadJsonAsync();

    [Fact]
    public async Task Get_FreshDatabase_IsSetZeroWithTheConfiguredDefaults()
    {
        var admin = await AdminAsync();
        var response = await admin.GetAsync("/api/v1/rules/parameters", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var body = await response.ReadJsonAsync();
        Assert.Equal(0, body.GetProperty("set").GetInt32());
        var p = body.GetProperty("parameters");
        Assert.Equal(16, p.GetProperty("minimumAge").GetInt32());
        Assert.Equal(30, p.GetProperty("idExpiryWarningDays").GetInt32());
        Assert.Equal("02:00:00", p.GetProperty("maintenanceLookahead").GetString());
        Assert.Equal(2_000m, p.GetProperty("walletClassLimits").GetProperty("4").GetProperty("perPayment").GetDecimal());
    }

    [Fact]
    public async Task Put_WithCurrentSet_SavesANewSetThatTheNextDiagnosisUses_AndAStaleSetIs412()
    {
        var admin = await AdminAsync();
        var current = await (await admin.GetAsync("/api/v1/rules/parameters", Ct)).ReadJsonAsync();
        var before = await DiagnoseClass4PaymentAsync(1_500m);
        Assert.Equal(0, before.GetProperty("parameterSet").GetInt32());
        Assert.DoesNotContain(before.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "TX-LIMIT-SINGLE");

        var saved = await admin.SendAsync(Put("\"0\"", Edited(current, 1_000m)), Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var set = await saved.ReadJsonAsync();
        Assert.Equal(1, set.GetProperty("set").GetInt32());
        Assert.Equal(WalletHelpFactory.AdminEmail, set.GetProperty("changedBy").GetString());
        Assert.Equal("tighter class 4 payments", set.GetProperty("reason").GetString());
        var after = await DiagnoseClass4PaymentAsync(1_500m);
        Assert.Equal(1, after.GetProperty("parameterSet").GetInt32());
        Assert.Contains(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "TX-LIMIT-SINGLE");

        var stale = await admin.SendAsync(Put("\"0\"", Edited(current, 1_200m)), Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var unchanged = await (await admin.GetAsync("/api/v1/rules/parameters", Ct)).ReadJsonAsync();
        Assert.Equal(1, unchanged.GetProperty("set").GetInt32());
        Assert.Equal(1_000m, unchanged.GetProperty("parameters").GetProperty("walletClassLimits").GetProperty("4").GetProperty("perPayment").GetDecimal());

        // The set survives a restart: a second app over the same file starts with it.
        using var second = new WalletHelpFactory().With("ConnectionStrings:WalletHelp", $"Data Source={factory.DatabasePath}");
        var restarted = await (await second.CreateClient().PostAsync("/api/v1/diagnoses", ApiClient.Json(
            """{ "symptom": "transaction-failed", "walletClass": 4, "transaction": { "kind": "payment", "amount": 1500 } }"""), Ct)).ReadJsonAsync();
        Assert.Equal(1, restarted.GetProperty("parameterSet").GetInt32());
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428_AndOutOfRangeValuesAre400NamingEachOne()
    {
        var admin = await AdminAsync();
        var current = await (await admin.GetAsync("/api/v1/rules/parameters", Ct)).ReadJsonAsync();
        Assert.Equal((HttpStatusCode)428, (await admin.SendAsync(Put(null, Edited(current, 1_000m)), Ct)).StatusCode);

        var body = Edited(current, 999_999_999m, reason: "");
        body["parameters"]!["minimumAge"] = 200;
        var response = await admin.SendAsync(Put("\"0\"", body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("minimumAge", out _));
        Assert.True(errors.TryGetProperty("walletClassLimits.4.perPayment", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.Equal(0, (await (await admin.GetAsync("/api/v1/rules/parameters", Ct)).ReadJsonAsync()).GetProperty("set").GetInt32());
    }

    [Fact]
    public async Task Parameters_ForAgentOrAnonymous_Are403Or401()
    {
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/rules/parameters", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/rules/parameters", Ct)).StatusCode);
    }

    [Fact]
    public async Task Restore_StoresTheOldValuesAsANewSet()
    {
        var admin = await AdminAsync();
        var current = await (await admin.GetAsync("/api/v1/rules/parameters", Ct)).ReadJsonAsync();
        await admin.SendAsync(Put("\"0\"", Edited(current, 1_000m)), Ct);

        using var scope = factory.Services.CreateScope();
        var rules = scope.ServiceProvider.GetRequiredService<WalletHelp.Web.Services.Rules.RuleParametersService>();
        var restored = await rules.RestoreAsync(0, 1, "back to the configuration", WalletHelp.Web.Services.Audit.AuditActor.Named("test"), Ct);

        Assert.Equal(2, restored?.Saved?.Number);
        Assert.Equal(0, restored!.Saved!.RestoredFrom);
        Assert.Equal(2_000m, rules.Current.Options.Class4.PerPayment);
        Assert.Equal([2, 1, 0], (await rules.ListAsync(Ct)).Select(s => s.Number));
        var audit = await scope.ServiceProvider.GetRequiredService<WalletHelp.Web.Services.Audit.IAuditLog>()
            .QueryAsync(new WalletHelp.Web.Services.Audit.AuditQuery(Action: "rules"), Ct);
        Assert.Equal(["rule-parameters:2", "rule-parameters:1"], audit.Items.Select(e => e.Target));
    }

    public void Dispose() => factory.Dispose();
}
