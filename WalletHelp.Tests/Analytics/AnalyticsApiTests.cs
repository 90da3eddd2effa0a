using System.Net;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Analytics;

/// <summary>GET /api/v1/analytics/summary and the CSV exports over the real app: figures, bad ranges, admins only.</summary>
public sealed class AnalyticsApiTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => WalletHelp.Core.ChinaTime.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Summary_CountsDiagnosesStoredThroughTheApi_ByOutcomeAndFinding()
    {
        var anonymous = factory.CreateClient();
        // A wrong check digit: PI-ID-CHECKSUM, outcome fix-and-retry.
        for (var i = 0; i < 2; i++)
        {
            var created = await anonymous.PostAsync("/api/v1/diagnoses",
                ApiClient.Json("""{ "symptom": "application-rejected", "personal": { "idNumber": "110105194912310023" } }"""), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

        var response = await admin.GetAsync($"/api/v1/analytics/summary?from={Today}&to={Today}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(Today, body.GetProperty("from").GetString());
        Assert.Equal(2, body.GetProperty("totalDiagnoses").GetInt64());
        var day = Assert.Single(body.GetProperty("diagnosesPerDay").EnumerateArray());
        Assert.Equal(Today, day.GetProperty("day").GetString());
        Assert.Equal(2, day.GetProperty("diagnoses").GetInt64());
        Assert.Contains(body.GetProperty("topFindings").EnumerateArray(), f =>
            f.GetProperty("symptom").GetString() == "application-rejected" && f.GetProperty("code").GetString() == "PI-ID-CHECKSUM"
            && f.GetProperty("diagnoses").GetInt64() == 2);
        Assert.Equal(0, body.GetProperty("zeroResultSearches").GetArrayLength());
        // Both are cases, open until an agent changes them.
        var cases = Assert.Single(body.GetProperty("casesByStatus").EnumerateArray());
        Assert.Equal(("open", 2L), (cases.GetProperty("status").GetString(), cases.GetProperty("cases").GetInt64()));
        Assert.Equal(0, body.GetProperty("assistSessions").GetArrayLength());
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("110105194912310023", text);

        var defaults = await (await admin.GetAsync("/api/v1/analytics/summary", Ct)).ReadJsonAsync();
        Assert.Equal(Today, defaults.GetProperty("to").GetString());
        Assert.Equal(2, defaults.GetProperty("totalDiagnoses").GetInt64());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=11010519491231002X", "from")]
    [InlineData("from=2026-11-05&to=2026-11-01", "to")]
    [InlineData("from=2024-01-01&to=2026-11-01", "to")]
    public async Task Summary_BadRange_Is400ProblemDetailsNamingTheField(string query, string field)
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.GetAsync("/api/v1/analytics/summary?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.DoesNotContain("11010519491231002X", text);
    }

    [Fact]
    public async Task Csv_IsUtf8WithHeader_AuditedAsAnExport_AndUnknownTablesAre404()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

        var response = await admin.GetAsync($"/api/v1/analytics/funnel.csv?from={Today}&to={Today}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("symptom,stage,step,reached,stopped_here\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Contains("wallethelp-funnel-", response.Content.Headers.ContentDisposition?.FileName ?? "");

        var audit = await (await admin.GetAsync("/api/v1/audit?action=export", Ct)).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == "analytics:funnel");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/analytics/users.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/analytics/funnel.csv?to=nope", Ct)).StatusCode);
    }

    [Fact]
    public async Task IsForAdminsOnly()
    {
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/analytics/summary", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/analytics/funnel.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/analytics/summary", Ct)).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
