using System.Globalization;
using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Status;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Security;

/// <summary>Defect 7: admin times are bounded (API and form, one rule set), and nothing that shows a time throws.</summary>
public sealed class StatusBoundsApiTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().InEnvironment("Production");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("9999-12-31T00:00:00Z", "endsAt")]
    [InlineData("+40d", "endsAt")]
    [InlineData("+400d", "endsAt")]
    public async Task Maintenance_OutOfBounds_Is400(string ends, string field)
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var end = ends.StartsWith('+') ? start.AddDays(int.Parse(ends[1..^1], CultureInfo.InvariantCulture)) : DateTimeOffset.Parse(ends, CultureInfo.InvariantCulture);
        var response = await admin.PostAsync("/api/v1/status/maintenance", ApiClient.Json(
            $$"""{ "startsAt": "{{start:O}}", "endsAt": "{{end:O}}", "title": "升级" }"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Maintenance_StartingTwoYearsAgo_Is400_AndAThirtyDayWindowIsFine()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var old = DateTimeOffset.UtcNow.AddYears(-2);
        var tooOld = await admin.PostAsync("/api/v1/status/maintenance", ApiClient.Json(
            $$"""{ "startsAt": "{{old:O}}", "endsAt": "{{old.AddHours(2):O}}", "title": "升级" }"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);

        var start = DateTimeOffset.UtcNow.AddDays(200);
        var fine = await admin.PostAsync("/api/v1/status/maintenance", ApiClient.Json(
            $$"""{ "startsAt": "{{start:O}}", "endsAt": "{{start.AddDays(30):O}}", "title": "长维护" }"""), Ct);
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Fact]
    public async Task Incident_ResolvedInYear9999_Is400()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.PostAsync("/api/v1/status/incidents", ApiClient.Json(
            """{ "title": "故障", "resolvedAt": "9999-12-31T23:59:59Z", "affectsOpening": true }"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AWindowEndingIn9999AlreadyStored_DoesNotBreakDiagnosesOrTheStatusPage()
    {
        // A record from before the bounds existed, written straight to the database.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            db.MaintenanceWindows.Add(new MaintenanceWindowEntity
            {
                StartsAt = DateTimeOffset.UtcNow.AddHours(-1),
                EndsAt = new DateTimeOffset(9999, 12, 31, 23, 59, 0, TimeSpan.Zero),
                Title = "永远维护",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        var client = factory.CreateClient();

        var created = await client.PostAsync("/api/v1/diagnoses", ApiClient.Json("""{ "symptom": "try-again-later", "language": "en" }"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "AP-MAINTENANCE");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/status", Ct)).StatusCode);
        var reference = body.GetProperty("reference").GetString()!;
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/diagnoses/{reference}", Ct)).StatusCode);
        Assert.DoesNotContain(factory.Logs, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("ArgumentOutOfRange", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Formatting_ExtremeInstants_NeverThrows(string instant)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        var finding = new Finding("AP-MAINTENANCE", Severity.Blocking, null, false, new Dictionary<string, string> { ["endsAt"] = instant });
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            Assert.NotEmpty(new FindingTexts().Localize(finding, CultureInfo.GetCultureInfo(culture)).Explanation);
        }
        Assert.NotEmpty(WalletHelp.Core.ChinaTime.Format(at));
        Assert.NotEmpty(WalletHelp.Core.ChinaTime.FormatInput(at));
        Assert.False(WalletHelp.Core.ChinaTime.TryParseInput("0001-01-01T00:00", out _));
    }

    public void Dispose() => factory.Dispose();
}

public sealed class StatusBoundsFormTests : BunitTestBase, IClassFixture<WizardHost>
{
    private readonly WizardHost host;

    public StatusBoundsFormTests(WizardHost host)
    {
        this.host = host;
        Services.AddSingleton(host.Services.GetRequiredService<ServiceStatusService>());
        Services.AddSingleton(host.Services.GetRequiredService<DiagnosisService>());
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
    }

    private static void Set(IRenderedComponent<MaintenanceForm> cut, string testId, string value) =>
        cut.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Change(value);

    [Theory]
    [InlineData(35, "30")]
    [InlineData(3_000_000, "一年")]
    public async Task MaintenanceForm_TooLongOrTooFar_SaysSoAndSavesNothing(int days, string expected)
    {
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var end = days > 10_000 ? new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) : start.AddDays(days);
        var cut = Render<MaintenanceForm>();
        Set(cut, "maintenance-title", "超长维护" + days);
        Set(cut, "maintenance-starts", WalletHelp.Core.ChinaTime.FormatInput(start));
        Set(cut, "maintenance-ends", WalletHelp.Core.ChinaTime.FormatInput(end));

        await cut.Find("[data-testid='maintenance-add']").ClickAsync(new());

        Assert.Contains(expected, cut.Find("[role='alert']").TextContent, StringComparison.Ordinal);
        var (maintenance, _) = await host.Services.GetRequiredService<ServiceStatusService>().GetCurrentAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.DoesNotContain(maintenance, m => m.Title == "超长维护" + days);
    }
}
