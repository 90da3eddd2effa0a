using System.Net;
using System.Net.Http.Json;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Api;

public sealed class StatusApiTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Maintenance_AnnouncedByAdmin_ShowsOnStatusAndMakesRetryWait()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var ends = DateTimeOffset.UtcNow.AddHours(2);
        var created = await admin.PostAsJsonAsync("/api/v1/status/maintenance",
            new { startsAt = DateTimeOffset.UtcNow.AddMinutes(-5), endsAt = ends, title = "系统升级", titleEn = "System upgrade" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var status = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/status?lang=en", Ct);
        Assert.Equal("System upgrade", status.GetProperty("maintenance")[0].GetProperty("title").GetString());

        var diagnosis = await (await factory.CreateClient().PostAsync("/api/v1/diagnoses",
            ApiClient.Json("""{ "symptom": "system-maintenance", "language": "en" }"""), Ct)).ReadJsonAsync();
        Assert.Equal("wait", diagnosis.GetProperty("outcome").GetString());
        Assert.Contains(diagnosis.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "AP-MAINTENANCE");
        var retryAfter = diagnosis.GetProperty("retryAfter").GetDateTimeOffset();
        Assert.True(Math.Abs((retryAfter - ends).TotalSeconds) < 1, $"retryAfter {retryAfter} should be the window end {ends}");
    }

    [Fact]
    public async Task Maintenance_PostedByAgent_Is403AndAnonymous401()
    {
        var body = new { startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), title = "x" };
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/status/maintenance", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/status/maintenance", body, Ct)).StatusCode);
    }

    [Fact]
    public async Task Maintenance_EndBeforeStart_Is400()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.PostAsJsonAsync("/api/v1/status/maintenance",
            new { startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(-1), title = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
